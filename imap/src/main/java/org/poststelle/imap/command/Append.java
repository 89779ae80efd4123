package org.poststelle.imap.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.protocol.ImapArg;
import org.poststelle.store.model.MailboxName;

/** APPEND mailbox [flags] [date-time] literal, repeated for MULTIAPPEND (RFC 3502). */
public record Append(MailboxName mailbox, List<Message> messages) implements ImapCommand {

    /**
     * One message: flags as sent, internal date or null, the literal.
     *
     * @param utf8 sent as {@code UTF8 (~{n}...)} (RFC 6855 section 4); valid only after ENABLE UTF8=ACCEPT,
     *        which the handler checks (the parser does not know the session)
     */
    public record Message(List<String> flags, Instant internalDate, ImapArg.Literal content, boolean utf8) {

        /** {@code [flags] [date-time] (literal / "UTF8" SP "(" literal8 ")")}, shared with REPLACE (RFC 8508). */
        public static Message parse(Args a) throws BadCommandException {
            List<String> flags = a.peekList() ? a.flagList() : List.of();
            Instant date = a.peekLiteral() || a.peekAtom("UTF8") ? null : a.dateTime();
            if (a.takeAtom("UTF8")) {
                Args inner = a.list();
                ImapArg.Literal content = inner.literal();
                inner.end();
                if (!content.binary()) {
                    throw new BadCommandException("UTF8 message data must be a literal8 (~{n})");
                }
                return new Message(flags, date, content, true);
            }
            return new Message(flags, date, a.literal(), false);
        }
    }

    public static Append parse(Args a) throws BadCommandException {
        MailboxName name = a.mailbox();
        List<Message> messages = new ArrayList<>();
        do {
            messages.add(Message.parse(a));
        } while (a.hasMore());
        return new Append(name, messages);
    }
}
