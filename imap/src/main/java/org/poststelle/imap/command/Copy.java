package org.poststelle.imap.command;

import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.protocol.SequenceSet;
import org.poststelle.store.model.MailboxName;

/** COPY, MOVE (RFC 6851) and their UID forms. */
public record Copy(SequenceSet set, boolean uid, MailboxName target, boolean move) implements ImapCommand {
    public static Copy parseCopy(Args a) throws BadCommandException {
        return parse(a, false, false);
    }

    public static Copy parseUidCopy(Args a) throws BadCommandException {
        return parse(a, true, false);
    }

    public static Copy parseMove(Args a) throws BadCommandException {
        return parse(a, false, true);
    }

    public static Copy parseUidMove(Args a) throws BadCommandException {
        return parse(a, true, true);
    }

    private static Copy parse(Args a, boolean uid, boolean move) throws BadCommandException {
        Copy c = new Copy(a.sequenceSet(), uid, a.mailbox(), move);
        a.end();
        return c;
    }
}
