package org.poststelle.imap.response;

import org.poststelle.imap.protocol.ImapWriter;
import org.poststelle.store.model.UidSet;

/** {@code * VANISHED [(EARLIER)] uids} (RFC 7162 section 3.2.10): expunged messages by UID, under QRESYNC. */
public record Vanished(boolean earlier, UidSet uids) implements ImapResponse {
    @Override
    public void writeTo(ImapWriter w) {
        w.untagged().atom("VANISHED");
        if (earlier) {
            w.atom("(EARLIER)");
        }
        w.atom(uids.toString()).end();
    }
}
