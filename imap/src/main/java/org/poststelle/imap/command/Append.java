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

    /** One message: flags as sent, internal date or null, the literal. */
    public record Message(List<String> flags, Instant internalDate, ImapArg.Literal content) {
    }

    public static Append parse(Args a) throws BadCommandException {
        MailboxName name = a.mailbox();
        List<Message> messages = new ArrayList<>();
        do {
            List<String> flags = a.peekList() ? a.flagList() : List.of();
            Instant date = a.peekLiteral() ? null : a.dateTime();
            messages.add(new Message(flags, date, a.literal()));
        } while (a.hasMore());
        return new Append(name, messages);
    }
}
