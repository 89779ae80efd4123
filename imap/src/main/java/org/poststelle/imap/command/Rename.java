package org.poststelle.imap.command;

import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.store.model.MailboxName;

/** RENAME from to. */
public record Rename(MailboxName from, MailboxName to) implements ImapCommand {
    public static Rename parse(Args a) throws BadCommandException {
        Rename r = new Rename(a.mailbox(), a.mailbox());
        a.end();
        return r;
    }
}
