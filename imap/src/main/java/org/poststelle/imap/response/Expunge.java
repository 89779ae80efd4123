package org.poststelle.imap.response;

import org.poststelle.imap.protocol.ImapWriter;

/** {@code * msn EXPUNGE}. */
public record Expunge(long msn) implements ImapResponse {
    @Override
    public void writeTo(ImapWriter w) {
        w.untagged().number(msn).atom("EXPUNGE").end();
    }
}
