package org.poststelle.pop3.session;

import org.poststelle.pop3.command.Pop3Command;

/** Handles one command on the session's executor; store calls may block here. */
@FunctionalInterface
interface CommandHandler<C extends Pop3Command> {
    Reply handle(C command, Pop3Session session);
}
