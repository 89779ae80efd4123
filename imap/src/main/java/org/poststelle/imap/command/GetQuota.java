package org.poststelle.imap.command;

import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;

/** GETQUOTA quota-root (RFC 9208). */
public record GetQuota(String root) implements ImapCommand {
    public static GetQuota parse(Args a) throws BadCommandException {
        String root = a.astring();
        a.end();
        return new GetQuota(root);
    }
}
