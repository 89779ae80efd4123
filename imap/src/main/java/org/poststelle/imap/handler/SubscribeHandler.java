package org.poststelle.imap.handler;

import org.poststelle.imap.command.Subscribe;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;

/** SUBSCRIBE and UNSUBSCRIBE. */
final class SubscribeHandler implements CommandHandler<Subscribe> {
    @Override
    public Result handle(Subscribe cmd, ImapSession s) {
        s.mailboxes().subscribe(cmd.mailbox(), cmd.subscribe());
        return Result.ok((cmd.subscribe() ? "SUBSCRIBE" : "UNSUBSCRIBE") + " completed.");
    }
}
