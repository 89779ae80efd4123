package org.poststelle.imap.command;

import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;

/** COMPRESS mechanism (RFC 4978); DEFLATE is the only mechanism there is. */
public record Compress(String mechanism) implements ImapCommand {
    public static Compress parse(Args a) throws BadCommandException {
        String mechanism = a.atom();
        a.end();
        return new Compress(mechanism);
    }
}
