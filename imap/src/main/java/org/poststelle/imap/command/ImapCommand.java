package org.poststelle.imap.command;

/**
 * A parsed command: an immutable record per verb with a static {@code parse(Args)}. The command table
 * ({@code org.poststelle.imap.handler.ImapCommands}) maps each name to its parser and handler.
 */
public interface ImapCommand {
}
