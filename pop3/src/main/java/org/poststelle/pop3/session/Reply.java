package org.poststelle.pop3.session;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.poststelle.pop3.protocol.Pop3Response;

/** What a command handler decides: an answer with what happens next, or an answer that comes later. */
sealed interface Reply {

    enum After {
        CONTINUE,
        /** Send the answer, then close the connection. */
        CLOSE,
        /** Send the answer in clear, then start TLS before reading anything else (STLS). */
        START_TLS
    }

    record Send(Pop3Response response, After after) implements Reply {
    }

    /**
     * The answer depends on an asynchronous step (a password check): {@code then} runs on the session's own
     * executor once {@code stage} completes, and commands behind this one wait until then.
     */
    record Later<T>(CompletionStage<T> stage, Function<T, Reply> then) implements Reply {
    }

    static Reply ok(String text) {
        return new Send(Pop3Response.ok(text), After.CONTINUE);
    }

    static Reply err(String text) {
        return new Send(Pop3Response.err(text), After.CONTINUE);
    }

    static Reply err(String code, String text) {
        return new Send(Pop3Response.err(code, text), After.CONTINUE);
    }

    static Reply send(Pop3Response response) {
        return new Send(response, After.CONTINUE);
    }

    static Reply close(Pop3Response response) {
        return new Send(response, After.CLOSE);
    }

    static <T> Reply later(CompletionStage<T> stage, Function<T, Reply> then) {
        return new Later<>(stage, then);
    }
}
