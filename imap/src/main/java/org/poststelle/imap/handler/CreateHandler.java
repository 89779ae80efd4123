package org.poststelle.imap.handler;

import org.poststelle.imap.command.Create;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;
import org.poststelle.store.StoreException;

/** CREATE, with CREATE-SPECIAL-USE and the MAILBOXID of RFC 8474. */
final class CreateHandler implements CommandHandler<Create> {
    @Override
    public Result handle(Create cmd, ImapSession s) {
        if (cmd.unknownUse() != null) {
            return Result.no("USEATTR", "Unsupported special-use attribute " + cmd.unknownUse());
        }
        if (cmd.mailbox().isInbox()) {
            return Result.no("ALREADYEXISTS", "INBOX always exists.");
        }
        s.mailboxes().create(cmd.mailbox(), cmd.specialUse());
        // RFC 8474: the new mailbox's id in the OK; if another session removed the mailbox in between, the
        // CREATE still succeeded, just without the code
        String id;
        try {
            id = s.mailboxes().status(cmd.mailbox()).mailboxId();
        } catch (StoreException e) {
            id = null;
        }
        return id == null ? Result.ok("CREATE completed.") : Result.ok("MAILBOXID (" + id + ")", "CREATE completed.");
    }
}
