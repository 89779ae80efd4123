package org.poststelle.imap.command;

import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.store.model.MailboxName;

/** GETQUOTAROOT mailbox (RFC 9208). */
public record GetQuotaRoot(MailboxName mailbox) implements ImapCommand {
    public static GetQuotaRoot parse(Args a) throws BadCommandException {
        MailboxName name = a.mailbox();
        a.end();
        return new GetQuotaRoot(name);
    }
}
