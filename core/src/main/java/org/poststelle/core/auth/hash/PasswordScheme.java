package org.poststelle.core.auth.hash;

/**
 * One password scheme, named like Dovecot's ({@code SHA512-CRYPT}, {@code ARGON2ID}...). Works on raw bytes:
 * the password as UTF-8, the stored hash after its text encoding was removed.
 */
interface PasswordScheme {

    String name();

    /** How the stored text is encoded unless the scheme name has a suffix. */
    PasswordEncoding defaultEncoding();

    /** The fixed length of the decoded hash, or 0 when it varies (used to tell hex from base64). */
    default int rawLength() {
        return 0;
    }

    /** Constant-time where it compares secrets; false for a malformed stored hash. */
    boolean verify(byte[] password, byte[] stored);

    /** Whether new hashes can be made with this scheme ({@code pw hash}, {@code user add}). */
    default boolean canGenerate() {
        return false;
    }

    /** A new stored hash for the password, not yet text-encoded. */
    default byte[] generate(byte[] password) {
        throw new UnsupportedOperationException(name() + " is accepted for existing passwords only");
    }

    /** True when the stored value is the password itself (needed for APOP). */
    default boolean storesPlaintext() {
        return false;
    }
}
