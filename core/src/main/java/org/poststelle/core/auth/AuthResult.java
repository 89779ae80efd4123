package org.poststelle.core.auth;

/** The outcome of a login attempt. Callers answer every failure the same way, apart from TEMPORARY. */
public sealed interface AuthResult {
    /** Credentials are right and the account may use this protocol. */
    record Success(Account account) implements AuthResult {
    }

    /**
     * Wrong user, wrong password, disabled account, protocol not allowed, or an address or account locked
     * out by the brute-force defence: all answered identically, so nothing can be learnt from the answer.
     */
    record Failure() implements AuthResult {
    }

    /** The account database could not be read; the client should try again later ([SYS/TEMP], [UNAVAILABLE]). */
    record Temporary(String reason) implements AuthResult {
    }
}
