package org.poststelle.imap.handler;

import java.util.List;
import org.poststelle.imap.command.Select;
import org.poststelle.imap.response.Exists;
import org.poststelle.imap.response.ListResponse;
import org.poststelle.imap.response.Recent;
import org.poststelle.imap.response.UntaggedStatus;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;
import org.poststelle.imap.session.SelectedMailbox;
import org.poststelle.store.Mailbox;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxSnapshot;

/**
 * SELECT and EXAMINE. A previously selected mailbox is closed first ({@code [CLOSED]}, RFC 7162/9051), so a
 * failing SELECT leaves the session in the authenticated state. IMAP4rev1 sessions get RECENT and
 * {@code [UNSEEN n]}; IMAP4rev2 sessions get the LIST response instead. With CONDSTORE the mailbox's
 * HIGHESTMODSEQ follows (sent only to CONDSTORE-aware clients, as the reference server does); with a matching
 * QRESYNC parameter what changed since the client's modseq.
 */
final class SelectHandler implements CommandHandler<Select> {
    @Override
    public Result handle(Select cmd, ImapSession s) {
        if (cmd.qresync() != null && !s.extensions().qresync()) {
            return Result.bad("The QRESYNC parameter needs ENABLE QRESYNC first");
        }
        if (s.selected() != null) {
            s.deselect();
            s.out().write(UntaggedStatus.ok("CLOSED", "Previous mailbox closed."));
        }
        if (cmd.condstore()) {
            s.enableCondstore();
        }
        Mailbox mailbox = s.mailboxes().open(cmd.mailbox(), cmd.readOnly());
        SelectedMailbox sel = s.select(mailbox);
        MailboxSnapshot view = sel.view();
        boolean rev2 = s.extensions().imap4rev2();
        sel.writeFlagLists(s.out());
        s.out().write(new Exists(view.size()));
        if (!rev2) {
            s.out().write(new Recent(sel.recentCount()));
            int unseen = firstUnseen(view);
            if (unseen > 0) {
                s.out().write(UntaggedStatus.ok("UNSEEN " + unseen, "First unseen."));
            }
        }
        s.out().write(UntaggedStatus.ok("UIDVALIDITY " + view.uidValidity(), "UIDs valid"));
        s.out().write(UntaggedStatus.ok("UIDNEXT " + view.uidNext(), "Predicted next UID"));
        // RFC 8474: the mailbox's id, which survives RENAME (the store keeps it in the mailbox's index)
        s.out().write(UntaggedStatus.ok("MAILBOXID (" + view.mailboxId() + ")", "Ok"));
        if (s.extensions().condstore()) {
            s.out().write(UntaggedStatus.ok("HIGHESTMODSEQ " + view.highestModSeq(), "Highest"));
        }
        if (rev2) {
            s.out().write(new ListResponse("LIST", List.of(), cmd.mailbox().name(), List.of()));
        }
        if (cmd.qresync() != null && cmd.qresync().uidValidity() == view.uidValidity()) {
            QresyncSelect.resync(s, sel, cmd.qresync());
        }
        String verb = cmd.readOnly() ? "EXAMINE" : "SELECT";
        return Result.ok(mailbox.readOnly() ? "READ-ONLY" : "READ-WRITE", verb + " completed.");
    }

    /** The sequence number of the first message without \Seen, 0 when there is none. */
    private static int firstUnseen(MailboxSnapshot view) {
        for (int i = 0; i < view.size(); i++) {
            if (!view.flags(i).has(Flags.SEEN)) {
                return i + 1;
            }
        }
        return 0;
    }
}
