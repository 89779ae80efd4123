package org.poststelle.imap.command;

import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.store.model.MailboxName;

/** DELETE name. */
public record Delete(MailboxName mailbox) implements ImapCommand {
    public static Delete parse(Args a) throws BadCommandException {
        Delete d = new Delete(a.mailbox());
        a.end();
        return d;
    }
}
