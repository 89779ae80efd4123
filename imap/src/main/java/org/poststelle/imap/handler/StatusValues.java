package org.poststelle.imap.handler;

import java.util.List;
import org.poststelle.imap.command.StatusItem;
import org.poststelle.imap.response.StatusResponse;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.SelectedMailbox;
import org.poststelle.store.Mailbox;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.MailboxStatus;
import org.poststelle.store.model.UidSet;

/** The STATUS response of a mailbox, for STATUS and LIST-STATUS alike. */
final class StatusValues {
    private StatusValues() {
    }

    static StatusResponse response(ImapSession s, MailboxName name, List<StatusItem> items) {
        if (items.contains(StatusItem.HIGHESTMODSEQ)) {
            s.enableCondstore();
        }
        MailboxStatus status = s.mailboxes().status(name);
        long deletedStorage = items.contains(StatusItem.DELETED_STORAGE) ? deletedBytes(s, name) / 1024 : 0;
        return new StatusResponse(name.name(), items, status, deletedStorage);
    }

    /** The size of the messages flagged \Deleted: what an EXPUNGE would give back (index only). */
    private static long deletedBytes(ImapSession s, MailboxName name) {
        SelectedMailbox sel = s.selected();
        if (sel != null && sel.mailbox().name().equals(name)) {
            return deletedBytes(sel.mailbox());
        }
        try (Mailbox mailbox = s.mailboxes().open(name, true)) {
            return deletedBytes(mailbox);
        }
    }

    private static long deletedBytes(Mailbox mailbox) {
        MailboxSnapshot snapshot = mailbox.snapshot();
        UidSet.Builder deleted = new UidSet.Builder();
        for (int i = 0; i < snapshot.size(); i++) {
            if (snapshot.flags(i).has(Flags.DELETED)) {
                deleted.add(snapshot.uid(i));
            }
        }
        long[] sum = {0};
        mailbox.meta(deleted.build(), m -> sum[0] += m.size());
        return sum[0];
    }
}
