package org.poststelle.core.auth.sasl;

import org.poststelle.core.auth.AuthContext;
import org.poststelle.core.auth.Authenticator;

/**
 * A SASL mechanism both protocols offer (IMAP AUTHENTICATE, POP3 AUTH). PLAIN and LOGIN exist now;
 * SCRAM-SHA-256 or OAUTHBEARER plug in here later.
 */
public interface SaslMechanism {
    /** Upper-case IANA name, e.g. "PLAIN". */
    String name();

    /** Whether the mechanism sends the password in a recoverable form (then it needs TLS by policy). */
    boolean plaintext();

    /** Starts one exchange for one login attempt. */
    SaslExchange start(Authenticator authenticator, AuthContext context);
}
