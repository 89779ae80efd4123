package org.poststelle.imap.handler;

import org.poststelle.imap.command.Login;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;

/** LOGIN: refused without TLS (LOGINDISABLED) unless policy allows; the authenticator answers asynchronously. */
final class LoginHandler implements CommandHandler<Login> {
    @Override
    public Result handle(Login cmd, ImapSession s) {
        if (!s.plaintextAllowed()) {
            return Logins.privacyRequired();
        }
        s.services().shared().authenticator()
                .authenticate(cmd.user(), cmd.password(), Logins.context(s, "LOGIN"))
                .whenComplete((result, error) -> s.execute(
                        () -> s.complete(Logins.outcome(s, result, error, "LOGIN"))));
        return Result.PENDING;
    }
}
