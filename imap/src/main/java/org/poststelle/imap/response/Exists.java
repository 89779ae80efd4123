package org.poststelle.imap.response;

import org.poststelle.imap.protocol.ImapWriter;

/** {@code * n EXISTS}. */
public record Exists(long count) implements ImapResponse {
    @Override
    public void writeTo(ImapWriter w) {
        w.untagged().number(count).atom("EXISTS").end();
    }
}
