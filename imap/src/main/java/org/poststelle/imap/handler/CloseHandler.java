package org.poststelle.imap.handler;

import org.poststelle.imap.command.NoArgs;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;
import org.poststelle.imap.session.SelectedMailbox;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.UidSet;

/** CLOSE (removes \Deleted messages silently unless read-only) and UNSELECT (RFC 3691, removes nothing). */
final class CloseHandler implements CommandHandler<NoArgs> {
    private final boolean expunge;

    CloseHandler(boolean expunge) {
        this.expunge = expunge;
    }

    @Override
    public Result handle(NoArgs cmd, ImapSession s) {
        SelectedMailbox sel = s.selected();
        if (expunge && !sel.readOnly()) {
            MailboxSnapshot current = sel.mailbox().snapshot();
            UidSet deleted = ExpungeHandler.deletedIn(current, null);
            if (!deleted.isEmpty()) {
                sel.mailbox().expunge(deleted);
            }
        }
        s.deselect();
        return Result.ok(expunge ? "CLOSE completed." : "UNSELECT completed.");
    }

}
