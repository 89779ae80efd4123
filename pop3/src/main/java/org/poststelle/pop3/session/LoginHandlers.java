package org.poststelle.pop3.session;

import java.time.Duration;
import java.time.Instant;
import org.poststelle.core.auth.Account;
import org.poststelle.core.auth.AuthResult;
import org.poststelle.core.auth.Pop3Retention;
import org.poststelle.core.auth.Protocol;
import org.poststelle.pop3.Pop3Config.MaildropLock;
import org.poststelle.pop3.command.Pop3Command.Apop;
import org.poststelle.pop3.command.Pop3Command.Pass;
import org.poststelle.pop3.command.Pop3Command.User;
import org.poststelle.pop3.protocol.Pop3Response;
import org.poststelle.store.Mailbox;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.MailboxName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * USER, PASS and APOP, and what every successful login does (also AUTH): the maildrop lock, LOGIN-DELAY,
 * the per-user connection limit, retention expiry and the snapshot that fixes message numbers.
 */
final class LoginHandlers {
    private static final Logger log = LoggerFactory.getLogger(LoginHandlers.class);
    static final String PLAINTEXT_REFUSED = "Plaintext authentication disallowed on non-secure connections; use STLS.";

    private LoginHandlers() {
    }

    static Reply user(User cmd, Pop3Session s) {
        if (!s.plaintextAllowed()) {
            return Reply.err("AUTH", PLAINTEXT_REFUSED);
        }
        s.state(new Pop3State.Authorization(cmd.name()));
        return Reply.ok("");
    }

    static Reply pass(Pass cmd, Pop3Session s) {
        String user = ((Pop3State.Authorization) s.state()).user();
        if (user == null) {
            return Reply.err("No username given.");
        }
        if (!s.plaintextAllowed()) {
            return Reply.err("AUTH", PLAINTEXT_REFUSED);
        }
        s.state(Pop3State.Authorization.START);
        return Reply.later(s.services().authenticator().authenticate(user, cmd.password(), s.authContext("USER")),
                result -> complete(s, result, "USER"));
    }

    static Reply apop(Apop cmd, Pop3Session s) {
        if (s.apopChallenge() == null) {
            return Reply.err("APOP is not available.");
        }
        s.state(Pop3State.Authorization.START);
        return Reply.later(s.services().authenticator().authenticateApop(cmd.name(), s.apopChallenge(), cmd.digest(),
                s.authContext("APOP")), result -> complete(s, result, "APOP"));
    }

    /** The end of every login attempt, on the session's executor. */
    static Reply complete(Pop3Session s, AuthResult result, String mechanism) {
        if (!s.channel().isActive()) {
            return Reply.err("Connection closed.");
        }
        if (result instanceof AuthResult.Temporary t) {
            s.metrics().login(Pop3Session.PROTOCOL, mechanism, "temporary");
            log.info("{} POP3 login unavailable ({}): {}", s.info().id(), mechanism, t.reason());
            return Reply.err("SYS/TEMP", "Authentication temporarily unavailable, try again later.");
        }
        if (!(result instanceof AuthResult.Success success) || !success.account().policy().allows(Protocol.POP3)) {
            s.metrics().login(Pop3Session.PROTOCOL, mechanism, "failure");
            log.info("{} POP3 login failed ({}) from {}", s.info().id(), mechanism, s.info().remoteAddress());
            Pop3Response.Status answer = Pop3Response.err("AUTH", "Authentication failed.");
            return s.authFailed() ? Reply.close(answer) : Reply.send(answer);
        }
        Reply refused = openMaildrop(s, success.account());
        s.metrics().login(Pop3Session.PROTOCOL, mechanism, refused == null ? "success" : "failure");
        return refused != null ? refused : Reply.ok("Logged in.");
    }

    /** Null when the session is now in TRANSACTION, else the refusal. */
    private static Reply openMaildrop(Pop3Session s, Account account) {
        String user = account.username();
        Instant now = s.clock().instant();
        Duration wait = LoginDelays.remaining(s.store(), user, now);
        if (!wait.isZero()) {
            log.info("{} POP3 user={} refused: login delay", s.info().id(), user);
            return Reply.err("LOGIN-DELAY", "Minimum time between logins is "
                    + account.policy().loginDelay().toSeconds() + " seconds; try again in " + (wait.toSeconds() + 1) + ".");
        }
        Pop3Retention retention = account.policy().pop3Retention();
        MaildropLock mode = s.config().maildropLock();
        // under the delete policy every session removes what it retrieves: a writer from the start
        boolean writer = mode == MaildropLock.SESSION
                || (mode == MaildropLock.WRITER && retention instanceof Pop3Retention.Delete);
        boolean inUse = mode != MaildropLock.NONE && (writer
                ? !MaildropLocks.tryLock(s.store(), user, s.channel())
                : MaildropLocks.lockedByOther(s.store(), user, s.channel()));
        if (inUse) {
            log.info("{} POP3 user={} refused: maildrop in use", s.info().id(), user);
            return Reply.err("IN-USE", "Mailbox is locked by another POP3 session.");
        }
        if (!s.acceptUser(user)) {
            MaildropLocks.unlock(s.store(), user, s.channel());
            s.metrics().connectionRejected(Pop3Session.PROTOCOL, "per-user");
            return Reply.err("SYS/TEMP", "Too many connections for this user.");
        }
        // expiry removes mail, so it needs the lock too; a reader takes it just for that, or skips expiry
        boolean lockedForExpiry = retention instanceof Pop3Retention.Expire && mode == MaildropLock.WRITER && !writer
                && MaildropLocks.tryLock(s.store(), user, s.channel());
        boolean mayExpire = mode == MaildropLock.NONE || writer || lockedForExpiry;
        Maildrop maildrop;
        try {
            Mailbox inbox = s.store().forAccount(account).open(MailboxName.INBOX, false);
            maildrop = Maildrop.open(inbox, mayExpire ? retention : Pop3Retention.KEEP, s.config().uidlFormat(), now);
        } catch (StoreException e) {
            MaildropLocks.unlock(s.store(), user, s.channel());
            return s.storeError(e);
        } finally {
            if (lockedForExpiry) {
                MaildropLocks.unlock(s.store(), user, s.channel());
            }
        }
        if (maildrop.expiredAtLogin() > 0) {
            s.metrics().messagesExpunged(Pop3Session.PROTOCOL, maildrop.expiredAtLogin());
        }
        LoginDelays.loggedIn(s.store(), user, account.policy().loginDelay(), now);
        s.state(new Pop3State.Transaction(account, maildrop));
        s.loggedIn(user);
        log.info("{} POP3 login user={} messages={} expired={} tls={}", s.info().id(), user, maildrop.size(),
                maildrop.expiredAtLogin(), s.secure());
        return null;
    }
}
