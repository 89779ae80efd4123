package org.poststelle.pop3.session;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.poststelle.core.auth.sasl.SaslExchange;
import org.poststelle.core.auth.sasl.SaslMechanism;
import org.poststelle.core.auth.sasl.SaslStep;
import org.poststelle.pop3.command.Pop3Command.Auth;
import org.poststelle.pop3.protocol.Pop3Response;

/** AUTH (RFC 5034): SASL with an optional initial response, "+ " challenges and "*" to cancel. */
final class SaslHandler {

    private SaslHandler() {
    }

    static Reply auth(Auth cmd, Pop3Session s) {
        if (cmd.mechanism().isEmpty()) {
            // RFC 1734's bare AUTH, still sent by Outlook: list what may be used now
            return Reply.send(Pop3Response.lines("", usableMechanisms(s)));
        }
        SaslMechanism mechanism = find(s, cmd.mechanism().get());
        if (mechanism == null) {
            return Reply.err("Unsupported authentication mechanism.");
        }
        if (mechanism.plaintext() && !s.plaintextAllowed()) {
            return Reply.err("AUTH", LoginHandlers.PLAINTEXT_REFUSED);
        }
        String name = metricMechanism(mechanism);
        SaslExchange exchange = mechanism.start(s.services().authenticator(), s.authContext(name));
        Pop3State.Authenticating authenticating = new Pop3State.Authenticating(exchange, name);
        if (cmd.initialResponse().isPresent()) {
            String initial = cmd.initialResponse().get();
            return step(authenticating, initial.equals("=") ? "" : initial, s);
        }
        s.state(authenticating);
        return Reply.send(new Pop3Response.Challenge(Base64.getEncoder().encodeToString(exchange.initialChallenge())));
    }

    /** A client line while the exchange runs. */
    static Reply respond(Pop3State.Authenticating a, String line, Pop3Session s) {
        if (line.equals("*")) {
            s.state(Pop3State.Authorization.START);
            return Reply.err("Authentication aborted.");
        }
        return step(a, line, s);
    }

    private static Reply step(Pop3State.Authenticating a, String base64, Pop3Session s) {
        byte[] response;
        try {
            response = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            s.state(Pop3State.Authorization.START);
            return Reply.err("Invalid base64 data.");
        }
        s.state(Pop3State.Authorization.START);
        return Reply.later(a.exchange().respond(response), next -> {
            if (next instanceof SaslStep.Challenge c) {
                s.state(a);
                return Reply.send(new Pop3Response.Challenge(Base64.getEncoder().encodeToString(c.data())));
            }
            if (next instanceof SaslStep.Done done) {
                return LoginHandlers.complete(s, done.result(), a.mechanism());
            }
            return Reply.err("AUTH", "Invalid authentication data: " + ((SaslStep.Malformed) next).reason());
        });
    }

    static List<String> usableMechanisms(Pop3Session s) {
        List<String> names = new ArrayList<>();
        for (SaslMechanism m : s.services().saslMechanisms()) {
            if (!m.plaintext() || s.plaintextAllowed()) {
                names.add(m.name());
            }
        }
        return names;
    }

    private static SaslMechanism find(Pop3Session s, String name) {
        for (SaslMechanism m : s.services().saslMechanisms()) {
            if (m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        return null;
    }

    /** AuthContext's mechanism names: SASL LOGIN is "SASL-LOGIN", to tell it from IMAP's LOGIN command. */
    private static String metricMechanism(SaslMechanism m) {
        return m.name().equals("LOGIN") ? "SASL-LOGIN" : m.name();
    }
}
