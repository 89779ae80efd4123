package org.poststelle.imap.handler;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.poststelle.core.auth.sasl.SaslExchange;
import org.poststelle.core.auth.sasl.SaslMechanism;
import org.poststelle.core.auth.sasl.SaslStep;
import org.poststelle.imap.command.Authenticate;
import org.poststelle.imap.response.Continuation;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;

/**
 * AUTHENTICATE with SASL-IR (RFC 4959): challenges go out as {@code + base64}, each answer comes back as a
 * raw line; {@code *} cancels.
 */
final class AuthenticateHandler implements CommandHandler<Authenticate> {
    @Override
    public Result handle(Authenticate cmd, ImapSession s) {
        SaslMechanism mech = null;
        for (SaslMechanism m : s.services().shared().saslMechanisms()) {
            if (m.name().equals(cmd.mechanism())) {
                mech = m;
            }
        }
        if (mech == null) {
            return Result.no("Unsupported authentication mechanism");
        }
        if (mech.plaintext() && !s.plaintextAllowed()) {
            return Logins.privacyRequired();
        }
        String metricName = mech.name().equals("LOGIN") ? "SASL-LOGIN" : mech.name();
        Exchange exchange = new Exchange(s, mech.start(s.services().shared().authenticator(),
                Logins.context(s, metricName)), metricName);
        if (cmd.initialResponse() == null) {
            exchange.challenge(exchange.sasl.initialChallenge());
        } else {
            byte[] ir = decode(cmd.initialResponse());
            if (ir == null) {
                return Result.bad("Invalid base64 in initial response");
            }
            exchange.respond(ir);
        }
        return Result.PENDING;
    }

    /** "=" is an empty response (SASL-IR); anything else must be strict base64. */
    static byte[] decode(String line) {
        if (line.equals("=") || line.isEmpty()) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(line.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** One running exchange; every step runs on the session executor. */
    private static final class Exchange {
        private final ImapSession s;
        private final SaslExchange sasl;
        private final String mechanism;

        Exchange(ImapSession s, SaslExchange sasl, String mechanism) {
            this.s = s;
            this.sasl = sasl;
            this.mechanism = mechanism;
        }

        void challenge(byte[] data) {
            s.requestRawLine();
            s.awaitLine(this::onLine);
            s.out().write(new Continuation(Base64.getEncoder().encodeToString(data)));
            s.out().flush();
        }

        void onLine(String line) {
            if (line.equals("*")) {
                s.complete(Result.bad("AUTHENTICATE cancelled"));
                return;
            }
            byte[] response = decode(line);
            if (response == null) {
                s.complete(Result.bad("Invalid base64 in response"));
                return;
            }
            respond(response);
        }

        void respond(byte[] response) {
            sasl.respond(response).whenComplete((step, error) -> s.execute(() -> onStep(step, error)));
        }

        private void onStep(SaslStep step, Throwable error) {
            if (error != null) {
                s.complete(Logins.outcome(s, null, error, mechanism));
            } else if (step instanceof SaslStep.Challenge c) {
                challenge(c.data());
            } else if (step instanceof SaslStep.Done d) {
                s.complete(Logins.outcome(s, d.result(), null, mechanism));
            } else if (step instanceof SaslStep.Malformed m) {
                s.complete(Result.bad(m.reason()));
            }
        }
    }
}
