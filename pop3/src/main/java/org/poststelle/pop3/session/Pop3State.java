package org.poststelle.pop3.session;

import org.poststelle.core.auth.Account;
import org.poststelle.core.auth.sasl.SaslExchange;

/** Where a POP3 session is (RFC 1939 section 3); the UPDATE state is the QUIT handler itself. */
sealed interface Pop3State {

    /** Not logged in yet; {@code user} is the name given with USER, or null. */
    record Authorization(String user) implements Pop3State {
        static final Authorization START = new Authorization(null);
    }

    /** An AUTH exchange is running: the next line is a SASL response, not a command. */
    record Authenticating(SaslExchange exchange, String mechanism) implements Pop3State {
    }

    /** Logged in, with the maildrop locked and its message numbers fixed for the session. */
    record Transaction(Account account, Maildrop maildrop) implements Pop3State {
    }
}
