package org.poststelle.imap.command;

import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;

/** Commands without arguments: CAPABILITY, NOOP, LOGOUT, STARTTLS, CHECK, CLOSE, UNSELECT, EXPUNGE, IDLE, NAMESPACE. */
public record NoArgs() implements ImapCommand {
    public static final NoArgs INSTANCE = new NoArgs();

    public static NoArgs parse(Args a) throws BadCommandException {
        a.end();
        return INSTANCE;
    }
}
