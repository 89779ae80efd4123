package org.poststelle.imap.command;

import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.store.model.MailboxName;

/** SUBSCRIBE and UNSUBSCRIBE. */
public record Subscribe(MailboxName mailbox, boolean subscribe) implements ImapCommand {
    public static Subscribe parseSubscribe(Args a) throws BadCommandException {
        Subscribe s = new Subscribe(a.mailbox(), true);
        a.end();
        return s;
    }

    public static Subscribe parseUnsubscribe(Args a) throws BadCommandException {
        Subscribe s = new Subscribe(a.mailbox(), false);
        a.end();
        return s;
    }
}
