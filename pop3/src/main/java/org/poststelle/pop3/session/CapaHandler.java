package org.poststelle.pop3.session;

import java.util.ArrayList;
import java.util.List;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.core.auth.Pop3Retention;
import org.poststelle.pop3.command.Pop3Command.Capa;
import org.poststelle.pop3.protocol.Pop3Response;

/**
 * CAPA (RFC 2449) with the whole RFC 2449 + 2595 + 3206 + 5034 + 6856 set. Before login, STLS, USER and
 * SASL appear only where they can be used; EXPIRE and LOGIN-DELAY are per-account policy, so they are
 * announced as "0 USER" (the lowest possible value, varying per user) and with the account's values after
 * login.
 */
final class CapaHandler {

    private CapaHandler() {
    }

    static Reply capa(Capa cmd, Pop3Session s) {
        return Reply.send(Pop3Response.lines("Capability list follows", capabilities(s)));
    }

    static List<String> capabilities(Pop3Session s) {
        List<String> caps = new ArrayList<>(List.of("CAPA", "TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE",
                "PIPELINING", "UTF8 USER", "LANG"));
        if (s.state() instanceof Pop3State.Transaction t) {
            AccountPolicy policy = t.account().policy();
            caps.add("EXPIRE " + expire(policy.pop3Retention()));
            caps.add("LOGIN-DELAY " + policy.loginDelay().toSeconds());
        } else {
            caps.add("EXPIRE 0 USER");
            caps.add("LOGIN-DELAY 0 USER");
            if (s.tls() != null && !s.secure()) {
                caps.add("STLS");
            }
            if (s.plaintextAllowed()) {
                caps.add("USER");
            }
            List<String> sasl = SaslHandler.usableMechanisms(s);
            if (!sasl.isEmpty()) {
                caps.add("SASL " + String.join(" ", sasl));
            }
        }
        if (!s.config().implementation().isEmpty()) {
            caps.add("IMPLEMENTATION " + s.config().implementation());
        }
        return caps;
    }

    static String expire(Pop3Retention retention) {
        if (retention instanceof Pop3Retention.Expire e) {
            return Integer.toString(e.days());
        }
        return retention instanceof Pop3Retention.Delete ? "0" : "NEVER";
    }
}
