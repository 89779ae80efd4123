package org.poststelle.pop3.session;

import java.io.IOException;
import org.poststelle.pop3.command.Pop3Command.Retr;
import org.poststelle.pop3.command.Pop3Command.Top;
import org.poststelle.pop3.protocol.MessageSource;
import org.poststelle.pop3.protocol.Pop3Response;
import org.poststelle.store.StoreException;

/** RETR and TOP: the message is opened here and streamed, dot-stuffed, by the encoder. */
final class RetrieveHandlers {

    private RetrieveHandlers() {
    }

    static Reply retr(Retr cmd, Pop3Session s) {
        Maildrop m = s.maildrop();
        String problem = m.problem(cmd.msg());
        if (problem != null) {
            return Reply.err(problem);
        }
        MessageSource source = open(m, cmd.msg());
        m.markRetrieved(cmd.msg());
        s.metrics().messagesRetrieved(Pop3Session.PROTOCOL, 1);
        return Reply.send(new Pop3Response.Message(m.messageSize(cmd.msg()) + " octets", source, -1));
    }

    static Reply top(Top cmd, Pop3Session s) {
        Maildrop m = s.maildrop();
        String problem = m.problem(cmd.msg());
        if (problem != null) {
            return Reply.err(problem);
        }
        return Reply.send(new Pop3Response.Message("", open(m, cmd.msg()), cmd.lines()));
    }

    private static MessageSource open(Maildrop m, int msg) {
        try {
            return m.open(msg);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.TEMPORARY, "cannot read the message", e);
        }
    }
}
