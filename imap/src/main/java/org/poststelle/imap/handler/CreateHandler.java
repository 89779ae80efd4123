package org.poststelle.imap.handler;

import org.poststelle.imap.command.Create;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;

/** CREATE, with CREATE-SPECIAL-USE. */
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
        return Result.ok("CREATE completed.");
    }
}
