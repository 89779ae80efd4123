package org.poststelle.core.auth;

import java.util.concurrent.CompletionStage;

/**
 * Checks credentials. Completes asynchronously: hashing runs on a bounded worker pool, and the growing
 * delay before a failure answer (brute-force defence) is scheduled, never slept on a session thread.
 */
public interface Authenticator {

    /**
     * @param username as sent by the client
     * @param password as sent by the client; never logged
     */
    CompletionStage<AuthResult> authenticate(String username, String password, AuthContext context);

    /**
     * APOP (RFC 1939 section 7): {@code digestHex} must be MD5(challenge + password) in lower-case hex.
     * Only accounts whose password is stored as {PLAIN} can succeed; others fail like a wrong password.
     */
    CompletionStage<AuthResult> authenticateApop(String username, String challenge, String digestHex,
            AuthContext context);

    /** Whether APOP can succeed for any account at all (some password stored in clear); decides whether POP3 offers it. */
    boolean apopPossible();
}
