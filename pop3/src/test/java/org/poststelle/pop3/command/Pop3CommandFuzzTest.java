package org.poststelle.pop3.command;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a client sends as arguments, parsing ends in a command or a BadCommandException, nothing else. */
class Pop3CommandFuzzTest {

    @FunctionalInterface
    interface Parse {
        Object parse(String args) throws BadCommandException;
    }

    private static final List<Parse> PARSERS = List.of(Pop3Command.User::parse, Pop3Command.Pass::parse,
            Pop3Command.Apop::parse, Pop3Command.Auth::parse, Pop3Command.ListMsg::parse, Pop3Command.Retr::parse,
            Pop3Command.Top::parse, Pop3Command.Dele::parse, Pop3Command.Uidl::parse, Pop3Command.Lang::parse,
            a -> {
                Pop3Command.noArguments(a);
                return a;
            });

    @Provide
    Arbitrary<String> args() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars("0123456789 -+=*abcXYZ.\t").ofMaxLength(60));
    }

    @Property(tries = 3000)
    void parsersOnlyEverRejectWithBadCommand(@ForAll("args") String args) {
        for (Parse p : PARSERS) {
            try {
                p.parse(args);
            } catch (BadCommandException expected) {
                // a clear -ERR for the client
            }
        }
    }
}
