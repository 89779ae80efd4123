package org.poststelle.imap.response;

import java.util.List;
import org.poststelle.imap.protocol.ImapWriter;

/** {@code * QUOTAROOT INBOX ""}: the quota roots a mailbox belongs to (RFC 9208). */
public record QuotaRootResponse(String mailbox, List<String> roots) implements ImapResponse {
    @Override
    public void writeTo(ImapWriter w) {
        w.untagged().atom("QUOTAROOT").mailbox(mailbox);
        for (String root : roots) {
            w.astring(root);
        }
        w.end();
    }
}
