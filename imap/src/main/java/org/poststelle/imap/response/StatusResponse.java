package org.poststelle.imap.response;

import java.util.List;
import org.poststelle.imap.command.StatusItem;
import org.poststelle.imap.protocol.ImapWriter;
import org.poststelle.store.model.MailboxStatus;

/**
 * {@code * STATUS name (MESSAGES 3 UIDNEXT 7)}: the requested items in the requested order.
 *
 * @param deletedStorage DELETED-STORAGE in units of 1024 octets (RFC 9208), not in {@link MailboxStatus}
 *        because it costs a look at the sizes of the \Deleted messages; only read when the item is asked for
 */
public record StatusResponse(String name, List<StatusItem> items, MailboxStatus status, long deletedStorage)
        implements ImapResponse {

    public StatusResponse(String name, List<StatusItem> items, MailboxStatus status) {
        this(name, items, status, 0);
    }

    @Override
    public void writeTo(ImapWriter w) {
        w.untagged().atom("STATUS").mailbox(name).open();
        for (StatusItem item : items) {
            if (item == StatusItem.MAILBOXID) {
                w.atom("MAILBOXID").open().atom(status.mailboxId()).close();
            } else {
                w.atom(item.wireName()).number(value(item));
            }
        }
        w.close().end();
    }

    private long value(StatusItem item) {
        return switch (item) {
            case MESSAGES -> status.messages();
            case RECENT -> status.recent();
            case UIDNEXT -> status.uidNext();
            case UIDVALIDITY -> status.uidValidity();
            case UNSEEN -> status.unseen();
            case DELETED -> status.deleted();
            case SIZE -> status.size();
            case DELETED_STORAGE -> deletedStorage;
            case HIGHESTMODSEQ -> status.highestModSeq();
            case MAILBOXID -> throw new IllegalArgumentException("MAILBOXID is not a number");
        };
    }
}
