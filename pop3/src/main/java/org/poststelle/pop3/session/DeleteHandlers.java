package org.poststelle.pop3.session;

import org.poststelle.pop3.command.Pop3Command.Dele;
import org.poststelle.pop3.command.Pop3Command.Rset;

/** DELE and RSET: marks in the session only; the store changes at QUIT. */
final class DeleteHandlers {

    private DeleteHandlers() {
    }

    static Reply dele(Dele cmd, Pop3Session s) {
        Maildrop m = s.maildrop();
        String problem = m.problem(cmd.msg());
        if (problem != null) {
            return Reply.err(problem);
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
