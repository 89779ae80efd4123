package org.poststelle.pop3.session;

import org.poststelle.pop3.Pop3Config.MaildropLock;
import org.poststelle.pop3.command.Pop3Command.Dele;
import org.poststelle.pop3.command.Pop3Command.Rset;

/**
 * DELE and RSET: marks in the session only; the store changes at QUIT. Under the {@code writer} lock the
 * first DELE takes the maildrop lock (and keeps it until the session ends).
 */
final class DeleteHandlers {

    private DeleteHandlers() {
    }

    static Reply dele(Dele cmd, Pop3Session s) {
        Maildrop m = s.maildrop();
        String problem = m.problem(cmd.msg());
        if (problem != null) {
            return Reply.err(problem);
        }
        if (s.config().maildropLock() == MaildropLock.WRITER
                && !MaildropLocks.tryLock(s.store(), s.info().user(), s.channel())) {
            return Reply.err("Another POP3 session is removing messages from this maildrop; try again later.");
        }
        m.dele(cmd.msg());
        return Reply.ok("Marked to be deleted.");
    }

    static Reply rset(Rset cmd, Pop3Session s) {
        Maildrop m = s.maildrop();
        m.rset();
        return Reply.ok("Maildrop has " + m.liveCount() + " messages (" + m.liveSize() + " octets).");
    }
}
