package org.poststelle.imap.handler;

import static org.poststelle.imap.session.CommandTable.ANY;

import org.poststelle.imap.command.NoArgs;
import org.poststelle.imap.session.CommandTable;

/** The command table: every command the server knows, where it is valid, its parser and its handler. */
public final class ImapCommands {
    private ImapCommands() {
    }

    public static CommandTable table() {
        return new CommandTable()
                .add("CAPABILITY", ANY, false, NoArgs::parse, new CapabilityHandler())
                .add("NOOP", ANY, false, NoArgs::parse, new NoopHandler())
                .add("LOGOUT", ANY, false, NoArgs::parse, new LogoutHandler());
    }
}
