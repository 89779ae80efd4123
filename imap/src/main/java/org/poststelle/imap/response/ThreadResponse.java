package org.poststelle.imap.response;

import org.poststelle.imap.protocol.ImapWriter;

/** {@code * THREAD (2)(3 6 (4 23)(44 7 96))} (RFC 5256); the data as {@code ThreadNode.render} wrote it. */
public record ThreadResponse(String threads) implements ImapResponse {
    @Override
    public void writeTo(ImapWriter w) {
        w.untagged().atom("THREAD");
        if (!threads.isEmpty()) {
            w.atom(threads);
        }
        w.end();
    }
}
