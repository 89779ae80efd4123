package org.poststelle.core.auth.sasl;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.poststelle.core.auth.AuthContext;
import org.poststelle.core.auth.Authenticator;

/**
 * SASL LOGIN (draft-murchison-sasl-login; what Outlook sends): the server asks "Username:" then "Password:".
 * A client that sends the user name as initial response skips the first prompt; an empty initial response
 * gets the "Username:" prompt, as in Dovecot.
 */
public final class LoginMechanism implements SaslMechanism {
    public static final LoginMechanism INSTANCE = new LoginMechanism();
    static final byte[] USERNAME = "Username:".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PASSWORD = "Password:".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String name() {
        return "LOGIN";
    }

    @Override
    public boolean plaintext() {
        return true;
    }

    @Override
    public SaslExchange start(Authenticator authenticator, AuthContext context) {
        return new Exchange(authenticator, context);
    }

    private static final class Exchange implements SaslExchange {
        private final Authenticator authenticator;
        private final AuthContext context;
        private String username;
        private boolean prompted;
        private boolean answered;

        Exchange(Authenticator authenticator, AuthContext context) {
            this.authenticator = authenticator;
            this.context = context;
        }

        @Override
        public byte[] initialChallenge() {
            prompted = true;
            return USERNAME.clone();
        }

        @Override
        public CompletionStage<SaslStep> respond(byte[] response) {
            if (answered) {
                return PlainMechanism.malformed("the LOGIN exchange is over");
            }
            if (username == null) {
                if (response.length == 0 && !prompted) {
                    prompted = true;
                    return challenge(USERNAME);
                }
                Optional<String> name = SaslText.utf8(response, 0, response.length);
                if (name.isEmpty() || name.get().isEmpty() || PlainMechanism.indexOf(response, 0) >= 0) {
                    answered = true;
                    return PlainMechanism.malformed("bad user name");
                }
                username = name.get();
                return challenge(PASSWORD);
            }
            answered = true;
            Optional<String> password = SaslText.utf8(response, 0, response.length);
            if (password.isEmpty()) {
                return PlainMechanism.malformed("password is not valid UTF-8");
            }
            return authenticator.authenticate(username, password.get(), context).thenApply(SaslStep.Done::new);
        }

        private static CompletionStage<SaslStep> challenge(byte[] text) {
            return CompletableFuture.completedFuture(new SaslStep.Challenge(text.clone()));
        }
    }
}
