package org.poststelle.imap.handler;

import org.poststelle.imap.command.Status;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;

/** STATUS: counts from the store's index, no message file is opened. */
final class StatusHandler implements CommandHandler<Status> {
    @Override
    public Result handle(Status cmd, ImapSession s) {
        s.out().write(StatusValues.response(s, cmd.mailbox(), cmd.items()));
        return Result.ok("STATUS completed.");
    }
}
