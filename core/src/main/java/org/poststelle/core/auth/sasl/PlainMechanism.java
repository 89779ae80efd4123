package org.poststelle.core.auth.sasl;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.poststelle.core.auth.AuthContext;
import org.poststelle.core.auth.AuthResult;
import org.poststelle.core.auth.Authenticator;
import org.poststelle.core.auth.passwd.UserNames;

/**
 * SASL PLAIN (RFC 4616): one message {@code [authzid] NUL authcid NUL passwd}. Acting as another user is not
 * supported: an authorization identity must be empty or name the same user as the authentication identity
 * (compared as login names are, case-insensitively), else the login fails.
 */
public final class PlainMechanism implements SaslMechanism {
    public static final PlainMechanism INSTANCE = new PlainMechanism();

    @Override
    public String name() {
        return "PLAIN";
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
        private boolean answered;

        Exchange(Authenticator authenticator, AuthContext context) {
            this.authenticator = authenticator;
            this.context = context;
        }

        @Override
        public byte[] initialChallenge() {
            return new byte[0];
        }

        @Override
        public CompletionStage<SaslStep> respond(byte[] message) {
            if (answered) {
                return malformed("the PLAIN exchange is over");
            }
            answered = true;
            int first = indexOf(message, 0);
            int second = first < 0 ? -1 : indexOf(message, first + 1);
            if (second < 0 || indexOf(message, second + 1) >= 0) {
                return malformed("expected [authzid] NUL authcid NUL password");
            }
            Optional<String> authzid = SaslText.utf8(message, 0, first);
            Optional<String> authcid = SaslText.utf8(message, first + 1, second);
            Optional<String> password = SaslText.utf8(message, second + 1, message.length);
            if (authzid.isEmpty() || authcid.isEmpty() || password.isEmpty()) {
                return malformed("not valid UTF-8");
            }
            if (authcid.get().isEmpty()) {
                return malformed("empty authentication identity");
            }
            if (!authzid.get().isEmpty() && !sameUser(authzid.get(), authcid.get())) {
                // no proxy authorization: nothing was checked, so nothing can be learnt from this answer
                return CompletableFuture.completedFuture(new SaslStep.Done(new AuthResult.Failure()));
            }
            return authenticator.authenticate(authcid.get(), password.get(), context).thenApply(SaslStep.Done::new);
        }

        private static boolean sameUser(String a, String b) {
            Optional<String> na = UserNames.normalize(a);
            return na.isPresent() && na.equals(UserNames.normalize(b));
        }
    }

    static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    static CompletionStage<SaslStep> malformed(String reason) {
        return CompletableFuture.completedFuture(new SaslStep.Malformed(reason));
    }
}
