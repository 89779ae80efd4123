package org.poststelle.pop3.session;

import org.poststelle.core.auth.Pop3Retention;
import org.poststelle.pop3.command.Pop3Command.Quit;
import org.poststelle.pop3.protocol.Pop3Response;
import org.poststelle.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** QUIT: in TRANSACTION this is RFC 1939's UPDATE state, the only place where messages are removed. */
final class QuitHandler {
    private static final Logger log = LoggerFactory.getLogger(QuitHandler.class);

    private QuitHandler() {
    }

    static Reply quit(Quit cmd, Pop3Session s) {
        if (!(s.state() instanceof Pop3State.Transaction t)) {
            return Reply.close(Pop3Response.ok("Logging out."));
        }
        Maildrop m = t.maildrop();
        Pop3Retention retention = t.account().policy().pop3Retention();
        try {
            Maildrop.Outcome outcome = m.commit(retention, s.config().markSeen(), log);
            if (outcome.removed() > 0) {
                s.metrics().messagesExpunged(Pop3Session.PROTOCOL, outcome.removed());
            }
            log.info("{} POP3 QUIT user={} retrieved={} removed={}", s.info().id(), t.account().username(),
                    outcome.retrieved(), outcome.removed());
            return Reply.close(Pop3Response.ok(outcome.removed() > 0 ? "Logging out, messages deleted." : "Logging out."));
        } catch (StoreException e) {
            log.warn("{} POP3 QUIT user={} could not remove messages: {}", s.info().id(), t.account().username(),
                    e.getMessage());
            return Reply.close(Pop3Response.err("SYS/TEMP", "Some deleted messages were not removed."));
        } finally {
            m.close();
            // before the +OK leaves: a client that logs in again at once must not find the lock still held
            MaildropLocks.unlock(s.store(), t.account().username(), s.channel());
            s.state(Pop3State.Authorization.START);
        }
    }
}
