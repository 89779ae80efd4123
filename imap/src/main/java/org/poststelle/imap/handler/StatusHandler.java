package org.poststelle.imap.handler;

import org.poststelle.imap.command.Status;
import org.poststelle.imap.response.StatusResponse;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;
import org.poststelle.store.model.MailboxStatus;

/** STATUS: counts from the store's index, no message file is opened. */
final class StatusHandler implements CommandHandler<Status> {
    @Override
    public Result handle(Status cmd, ImapSession s) {
        MailboxStatus status = s.mailboxes().status(cmd.mailbox());
        s.out().write(new StatusResponse(cmd.mailbox().name(), cmd.items(), status));
        return Result.ok("STATUS completed.");
    }
}
