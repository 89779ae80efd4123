package org.poststelle.imap.session;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.poststelle.imap.command.ImapCommand;

/** Command name to {@link CommandSpec}: the one place that says which commands exist and where. */
public final class CommandTable {
    public static final Set<ImapState.Kind> ANY = EnumSet.of(ImapState.Kind.NOT_AUTHENTICATED,
            ImapState.Kind.AUTHENTICATED, ImapState.Kind.SELECTED);
    public static final Set<ImapState.Kind> NOT_AUTH = EnumSet.of(ImapState.Kind.NOT_AUTHENTICATED);
    public static final Set<ImapState.Kind> AUTH = EnumSet.of(ImapState.Kind.AUTHENTICATED, ImapState.Kind.SELECTED);
    public static final Set<ImapState.Kind> SELECTED = EnumSet.of(ImapState.Kind.SELECTED);

    private final Map<String, CommandSpec<?>> specs = new LinkedHashMap<>();

    public <C extends ImapCommand> CommandTable add(String name, Set<ImapState.Kind> states,
            boolean usesSequenceNumbers, CommandSpec.Parser<C> parser, CommandHandler<C> handler) {
        specs.put(name, new CommandSpec<>(name, states, usesSequenceNumbers, parser, handler));
        return this;
    }

    public CommandSpec<?> get(String name) {
        return specs.get(name);
    }

    public Map<String, CommandSpec<?>> all() {
        return Collections.unmodifiableMap(specs);
    }
}
