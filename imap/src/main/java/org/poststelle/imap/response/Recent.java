package org.poststelle.imap.response;

import org.poststelle.imap.protocol.ImapWriter;

/** {@code * n RECENT} (IMAP4rev1 only). */
public record Recent(long count) implements ImapResponse {
    @Override
    public void writeTo(ImapWriter w) {
        w.untagged().number(count).atom("RECENT").end();
    }
}
