package org.poststelle.imap.handler;

import org.poststelle.imap.command.Rename;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;

/** RENAME, including the INBOX rename that moves INBOX's messages and leaves it empty. */
final class RenameHandler implements CommandHandler<Rename> {
    @Override
    public Result handle(Rename cmd, ImapSession s) {
        if (cmd.to().isInbox()) {
            return Result.no("ALREADYEXISTS", "INBOX always exists.");
        }
        s.mailboxes().rename(cmd.from(), cmd.to());
        return Result.ok("RENAME completed.");
    }
}
