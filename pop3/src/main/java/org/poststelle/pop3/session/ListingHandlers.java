package org.poststelle.pop3.session;

import org.poststelle.pop3.command.Pop3Command.ListMsg;
import org.poststelle.pop3.command.Pop3Command.Stat;
import org.poststelle.pop3.command.Pop3Command.Uidl;
import org.poststelle.pop3.protocol.Pop3Response;

/** STAT, LIST and UIDL: answered from the maildrop fixed at login, without opening a message. */
final class ListingHandlers {

    private ListingHandlers() {
    }

    static Reply stat(Stat cmd, Pop3Session s) {
        Maildrop m = s.maildrop();
        return Reply.ok(m.liveCount() + " " + m.liveSize());
    }

    static Reply list(ListMsg cmd, Pop3Session s) {
        Maildrop m = s.maildrop();
        if (cmd.msg().isPresent()) {
            int msg = cmd.msg().getAsInt();
            String problem = m.problem(msg);
            return problem != null ? Reply.err(problem) : Reply.ok(msg + " " + m.messageSize(msg));
        }
        int[] live = m.liveNumbers();
        long[] sizes = new long[live.length];
        for (int i = 0; i < live.length; i++) {
            sizes[i] = m.messageSize(live[i]);
        }
        return Reply.send(new Pop3Response.Lines(live.length + " messages:", live.length,
                i -> live[i] + " " + sizes[i]));
    }

    static Reply uidl(Uidl cmd, Pop3Session s) {
        Maildrop m = s.maildrop();
        if (cmd.msg().isPresent()) {
            int msg = cmd.msg().getAsInt();
            String problem = m.problem(msg);
            return problem != null ? Reply.err(problem) : Reply.ok(msg + " " + m.uidl(msg));
        }
        int[] live = m.liveNumbers();
        String[] uidls = new String[live.length];
        for (int i = 0; i < live.length; i++) {
            uidls[i] = m.uidl(live[i]);
        }
        return Reply.send(new Pop3Response.Lines("", live.length, i -> live[i] + " " + uidls[i]));
    }
}
