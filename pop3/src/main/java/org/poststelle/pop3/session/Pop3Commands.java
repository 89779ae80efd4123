package org.poststelle.pop3.session;

import java.util.Map;
import java.util.function.Supplier;
import org.poststelle.pop3.command.BadCommandException;
import org.poststelle.pop3.command.Pop3Command;
import org.poststelle.pop3.command.Pop3Command.Apop;
import org.poststelle.pop3.command.Pop3Command.Auth;
import org.poststelle.pop3.command.Pop3Command.Capa;
import org.poststelle.pop3.command.Pop3Command.Dele;
import org.poststelle.pop3.command.Pop3Command.Lang;
import org.poststelle.pop3.command.Pop3Command.ListMsg;
import org.poststelle.pop3.command.Pop3Command.Noop;
import org.poststelle.pop3.command.Pop3Command.Pass;
import org.poststelle.pop3.command.Pop3Command.Quit;
import org.poststelle.pop3.command.Pop3Command.Retr;
import org.poststelle.pop3.command.Pop3Command.Rset;
import org.poststelle.pop3.command.Pop3Command.Stat;
import org.poststelle.pop3.command.Pop3Command.Stls;
import org.poststelle.pop3.command.Pop3Command.Top;
import org.poststelle.pop3.command.Pop3Command.Uidl;
import org.poststelle.pop3.command.Pop3Command.User;
import org.poststelle.pop3.command.Pop3Command.Utf8;
import org.poststelle.pop3.protocol.Pop3Request;
import org.poststelle.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that says which commands exist, in which state each is valid, how its arguments parse and
 * which handler runs it; and the dispatcher that does what all commands share (state check, bad-command
 * counting, store errors).
 */
final class Pop3Commands {
    private static final Logger log = LoggerFactory.getLogger(Pop3Commands.class);

    enum Valid { AUTHORIZATION, TRANSACTION, BOTH }

    @FunctionalInterface
    interface Parser<C extends Pop3Command> {
        C parse(String args) throws BadCommandException;
    }

    record Spec<C extends Pop3Command>(Valid valid, Parser<C> parser, CommandHandler<C> handler) {
        boolean allowedIn(Pop3State state) {
            boolean transaction = state instanceof Pop3State.Transaction;
            return valid == Valid.BOTH || (valid == Valid.TRANSACTION) == transaction;
        }

        Reply run(String args, Pop3Session session) throws BadCommandException {
            return handler.handle(parser.parse(args), session);
        }
    }

    private static final Map<String, Spec<?>> TABLE = Map.ofEntries(
            Map.entry("USER", new Spec<>(Valid.AUTHORIZATION, User::parse, LoginHandlers::user)),
            Map.entry("PASS", new Spec<>(Valid.AUTHORIZATION, Pass::parse, LoginHandlers::pass)),
            Map.entry("APOP", new Spec<>(Valid.AUTHORIZATION, Apop::parse, LoginHandlers::apop)),
            Map.entry("AUTH", new Spec<>(Valid.AUTHORIZATION, Auth::parse, SaslHandler::auth)),
            Map.entry("STLS", new Spec<>(Valid.AUTHORIZATION, noArgs(new Stls()), SessionHandlers::stls)),
            Map.entry("UTF8", new Spec<>(Valid.AUTHORIZATION, noArgs(new Utf8()), SessionHandlers::utf8)),
            Map.entry("CAPA", new Spec<>(Valid.BOTH, noArgs(new Capa()), CapaHandler::capa)),
            Map.entry("LANG", new Spec<>(Valid.BOTH, Lang::parse, SessionHandlers::lang)),
            Map.entry("NOOP", new Spec<>(Valid.BOTH, noArgs(new Noop()), (c, s) -> Reply.ok(""))),
            Map.entry("QUIT", new Spec<>(Valid.BOTH, noArgs(new Quit()), QuitHandler::quit)),
            Map.entry("STAT", new Spec<>(Valid.TRANSACTION, noArgs(new Stat()), ListingHandlers::stat)),
            Map.entry("LIST", new Spec<>(Valid.TRANSACTION, ListMsg::parse, ListingHandlers::list)),
            Map.entry("UIDL", new Spec<>(Valid.TRANSACTION, Uidl::parse, ListingHandlers::uidl)),
            Map.entry("RETR", new Spec<>(Valid.TRANSACTION, Retr::parse, RetrieveHandlers::retr)),
            Map.entry("TOP", new Spec<>(Valid.TRANSACTION, Top::parse, RetrieveHandlers::top)),
            Map.entry("DELE", new Spec<>(Valid.TRANSACTION, Dele::parse, DeleteHandlers::dele)),
            Map.entry("RSET", new Spec<>(Valid.TRANSACTION, noArgs(new Rset()), DeleteHandlers::rset)));

    private Pop3Commands() {
    }

    private static <C extends Pop3Command> Parser<C> noArgs(C command) {
        return args -> {
            Pop3Command.noArguments(args);
            return command;
        };
    }

    /** Runs one request in the session's current state. */
    static Reply dispatch(Pop3Request request, Pop3Session session) {
        if (request.tooLong()) {
            if (session.state() instanceof Pop3State.Authenticating) {
                session.state(Pop3State.Authorization.START);
            }
            return session.bad("Line too long.");
        }
        if (session.state() instanceof Pop3State.Authenticating a) {
            return guarded(() -> SaslHandler.respond(a, request.line(), session), session);
        }
        String verb = request.verb();
        Spec<?> spec = TABLE.get(verb);
        if (spec == null) {
            return session.bad("Unknown command: " + shorten(verb));
        }
        if (!spec.allowedIn(session.state())) {
            return session.bad(verb + " is not valid in this state.");
        }
        return guarded(() -> {
            try {
                return spec.run(request.args(), session);
            } catch (BadCommandException e) {
                return session.bad(e.getMessage());
            }
        }, session);
    }

    /** Runs handler code, turning store failures and bugs into answers (never a stack trace to the client). */
    static Reply guarded(Supplier<Reply> code, Pop3Session session) {
        try {
            return code.get();
        } catch (StoreException e) {
            return session.storeError(e);
        } catch (RuntimeException e) {
            log.error("{} POP3 internal error", session.info().id(), e);
            return Reply.err("SYS/TEMP", "Internal error, try again later.");
        }
    }

    /** The command's tag for metrics: only known names, so clients cannot create new series. */
    static String metricName(Pop3Request request, Pop3State state) {
        if (request.tooLong()) {
            return "too-long";
        }
        if (state instanceof Pop3State.Authenticating) {
            return "auth";
        }
        String verb = request.verb();
        return TABLE.containsKey(verb) ? verb : "unknown";
    }

    private static String shorten(String verb) {
        return verb.length() > 20 ? verb.substring(0, 20) + "..." : verb;
    }
}
