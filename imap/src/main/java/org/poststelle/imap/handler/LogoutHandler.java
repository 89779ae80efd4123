package org.poststelle.imap.handler;

import org.poststelle.imap.command.NoArgs;
import org.poststelle.imap.response.UntaggedStatus;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;

/** LOGOUT: BYE, the tagged OK, then the connection closes. */
final class LogoutHandler implements CommandHandler<NoArgs> {
    @Override
    public Result handle(NoArgs command, ImapSession s) {
        s.deselect();
        s.out().write(UntaggedStatus.bye("Logging out"));
        return Result.ok("Logout completed.").then(Result.After.CLOSE);
    }
}
