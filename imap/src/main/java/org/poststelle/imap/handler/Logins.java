package org.poststelle.imap.handler;

import org.poststelle.core.auth.AuthContext;
import org.poststelle.core.auth.AuthResult;
import org.poststelle.core.auth.Protocol;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;
import org.poststelle.store.StoreException;
import org.poststelle.store.UserMailboxes;

/** What LOGIN and AUTHENTICATE share: the auth context, and turning an {@link AuthResult} into the answer. */
final class Logins {
    private Logins() {
    }

    static AuthContext context(ImapSession s, String mechanism) {
        return new AuthContext(Protocol.IMAP, s.info().remoteAddress(), s.secure(), mechanism);
    }

    /** The refusal for a password on a connection that may not carry one (RFC 5530 PRIVACYREQUIRED). */
    static Result privacyRequired() {
        return Result.no("PRIVACYREQUIRED", "Plaintext authentication is not allowed without TLS; use STARTTLS.");
    }

    /** Applies an authentication outcome to the session and says how the command ends. */
    static Result outcome(ImapSession s, AuthResult result, Throwable error, String mechanism) {
        Metrics metrics = s.services().shared().metrics();
        String protocol = Protocol.IMAP.id();
        if (error != null || result instanceof AuthResult.Temporary) {
            metrics.login(protocol, mechanism, "temporary");
            return Result.no("UNAVAILABLE", "Temporary authentication failure; try again later.");
        }
        if (result instanceof AuthResult.Success ok) {
            if (!s.services().shared().limits().tryAcceptUser(s.channel(), ok.account().username())) {
                metrics.connectionRejected(protocol, "per-user");
                return Result.no("LIMIT", "Too many connections for this user.");
            }
            UserMailboxes mailboxes;
            try {
                mailboxes = s.services().store().forAccount(ok.account());
            } catch (StoreException e) {
                metrics.login(protocol, mechanism, "temporary");
                return Result.no("UNAVAILABLE", "Mail storage is not available now; try again later.");
            }
            s.authenticated(ok.account(), mailboxes);
            metrics.login(protocol, mechanism, "success");
            return Result.ok("CAPABILITY " + String.join(" ", s.capabilities()), "Logged in");
        }
        metrics.login(protocol, mechanism, "failure");
        Result no = Result.no("AUTHENTICATIONFAILED", "Authentication failed.");
        return s.authFailed() ? no.then(Result.After.CLOSE) : no;
    }
}
