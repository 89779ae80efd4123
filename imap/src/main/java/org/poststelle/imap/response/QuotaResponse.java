package org.poststelle.imap.response;

import org.poststelle.imap.protocol.ImapWriter;
import org.poststelle.store.model.QuotaUsage;

/**
 * {@code * QUOTA "" (STORAGE 23 1048576 MESSAGE 12 10000)} (RFC 9208). STORAGE is in units of 1024 octets
 * (rounded down, as Dovecot does); a resource without a limit is left out, so an account without any limit
 * answers {@code ()} (as Dovecot does for a root without limits).
 */
public record QuotaResponse(String root, QuotaUsage usage) implements ImapResponse {
    @Override
    public void writeTo(ImapWriter w) {
        w.untagged().atom("QUOTA").astring(root).open();
        if (usage.storageLimit() > 0) {
            w.atom("STORAGE").number(usage.storageBytes() / 1024).number(usage.storageLimit() / 1024);
        }
        if (usage.messageLimit() > 0) {
            w.atom("MESSAGE").number(usage.messages()).number(usage.messageLimit());
        }
        w.close().end();
    }
}
