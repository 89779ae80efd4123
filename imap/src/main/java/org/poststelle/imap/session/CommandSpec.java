package org.poststelle.imap.session;

import java.util.Set;
import org.poststelle.imap.command.ImapCommand;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;

/**
 * One row of the command table.
 *
 * @param name the command name as the decoder reports it ("UID FETCH")
 * @param states the states it is valid in; elsewhere it is answered BAD
 * @param usesSequenceNumbers FETCH, STORE, SEARCH, COPY and MOVE by sequence number: no EXPUNGE may be sent
 *        while they run or right after them (RFC 3501 section 7.4.1)
 * @param parser turns the arguments into the command record
 * @param handler runs it
 */
public record CommandSpec<C extends ImapCommand>(String name, Set<ImapState.Kind> states, boolean usesSequenceNumbers,
        Parser<C> parser, CommandHandler<C> handler) {

    /** Parses a command's arguments into its record. */
    @FunctionalInterface
    public interface Parser<C> {
        C parse(Args args) throws BadCommandException;
    }

    public CommandSpec {
        states = Set.copyOf(states);
    }

    public boolean allowedIn(ImapState state) {
        return states.contains(ImapState.Kind.of(state));
    }

    Result run(Args args, ImapSession session) throws BadCommandException {
        return handler.handle(parser.parse(args), session);
    }
}
