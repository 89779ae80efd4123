package org.poststelle.imap.command;

import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.protocol.SequenceSet;
import org.poststelle.store.model.MailboxName;

/**
 * REPLACE and UID REPLACE (RFC 8508): {@code seq-number mailbox [flags] [date-time] message-data}, one message
 * as in APPEND (so also the UTF8 form).
 *
 * @param message the sequence number or UID as a one-number set ({@code *} allowed, as seq-number is)
 */
public record Replace(SequenceSet message, boolean uid, MailboxName target, Append.Message data)
        implements ImapCommand {

    public static Replace parse(Args a) throws BadCommandException {
        return parse(a, false);
    }

    public static Replace parseUid(Args a) throws BadCommandException {
        return parse(a, true);
    }

    private static Replace parse(Args a, boolean uid) throws BadCommandException {
        String number = a.atom();
        if (number.indexOf(',') >= 0 || number.indexOf(':') >= 0 || number.equals("$")) {
            throw new BadCommandException("REPLACE takes one message number");
        }
        Replace r = new Replace(SequenceSet.parse(number), uid, a.mailbox(), Append.Message.parse(a));
        a.end();
        return r;
    }
}
