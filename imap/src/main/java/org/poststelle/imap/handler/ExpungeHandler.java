package org.poststelle.imap.handler;

import org.poststelle.core.auth.Protocol;
import org.poststelle.imap.command.Expunge;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.MessageSet;
import org.poststelle.imap.session.Result;
import org.poststelle.imap.session.SelectedMailbox;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.UidSet;

/**
 * EXPUNGE and UID EXPUNGE (UIDPLUS). The view is brought up to date first, so \Deleted set or cleared by
 * other sessions counts; then exactly those UIDs are removed and reported.
 */
final class ExpungeHandler implements CommandHandler<Expunge> {
    @Override
    public Result handle(Expunge cmd, ImapSession s) throws BadCommandException {
        SelectedMailbox sel = s.selected();
        if (sel.readOnly()) {
            return Result.no("READ-ONLY", "Mailbox is read-only.");
        }
        sel.sync(s.out(), s.extensions(), true, true);
        UidSet within = null;
        if (cmd.uids() != null) {
            MessageSet chosen = sel.resolve(cmd.uids(), true, s.savedSearch());
            within = chosen.uids(sel.view());
        }
        UidSet deleted = deletedIn(sel.view(), within);
        if (!deleted.isEmpty()) {
            UidSet removed = sel.mailbox().expunge(deleted);
            sel.applyExpunge(removed, sel.view().highestModSeq(), s.out());
            s.services().shared().metrics().messagesExpunged(Protocol.IMAP.id(), removed.size());
        }
        return Result.ok("EXPUNGE completed.");
    }

    /** UIDs flagged \Deleted in {@code view}, limited to {@code within} when given. */
    static UidSet deletedIn(MailboxSnapshot view, UidSet within) {
        UidSet.Builder b = new UidSet.Builder();
        for (int i = 0; i < view.size(); i++) {
            if (view.flags(i).has(Flags.DELETED) && (within == null || within.contains(view.uid(i)))) {
                b.add(view.uid(i));
            }
        }
        return b.build();
    }
}
