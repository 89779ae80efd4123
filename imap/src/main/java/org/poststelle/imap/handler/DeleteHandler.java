package org.poststelle.imap.handler;

import org.poststelle.imap.command.Delete;
import org.poststelle.imap.response.UntaggedStatus;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;
import org.poststelle.imap.session.SelectedMailbox;

/** DELETE. Deleting the selected mailbox deselects it first and says so with {@code [CLOSED]}. */
final class DeleteHandler implements CommandHandler<Delete> {
    @Override
    public Result handle(Delete cmd, ImapSession s) {
        if (cmd.mailbox().isInbox()) {
            return Result.no("CANNOT", "INBOX cannot be deleted.");
        }
        SelectedMailbox sel = s.selected();
        if (sel != null && sel.mailbox().name().equals(cmd.mailbox())) {
            s.deselect();
            s.out().write(UntaggedStatus.ok("CLOSED", "The selected mailbox is being deleted."));
        }
        s.mailboxes().delete(cmd.mailbox());
        return Result.ok("DELETE completed.");
    }
}
