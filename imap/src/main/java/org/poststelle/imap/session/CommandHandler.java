package org.poststelle.imap.session;

import org.poststelle.imap.command.ImapCommand;
import org.poststelle.imap.protocol.BadCommandException;

/**
 * Runs one parsed command. Writes untagged responses through {@link ImapSession#out()} and returns how the
 * command ends; the dispatcher writes the tagged line, syncs the selected mailbox and maps exceptions
 * ({@code StoreException} to NO with a response code, anything unexpected to {@code NO [SERVERBUG]}).
 */
@FunctionalInterface
public interface CommandHandler<C extends ImapCommand> {
    Result handle(C command, ImapSession session) throws BadCommandException;
}
