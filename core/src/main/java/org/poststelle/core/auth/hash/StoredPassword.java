package org.poststelle.core.auth.hash;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A password as stored in the passwd-file, decoded and ready to check. Its toString never shows the hash. */
public final class StoredPassword {
    private final PasswordScheme scheme;
    private final byte[] stored;

    StoredPassword(PasswordScheme scheme, byte[] stored) {
        this.scheme = scheme;
        this.stored = stored;
    }

    /** The scheme's canonical name, e.g. "SHA512-CRYPT" (without an encoding suffix). */
    public String scheme() {
        return scheme.name();
    }

    /** Checks a password (UTF-8 bytes); constant-time comparison, and as slow as the scheme is meant to be. */
    public boolean verify(byte[] password) {
        // a copy: some implementations (commons-codec's crypts) wipe the array they are given
        byte[] copy = password.clone();
        try {
            return scheme.verify(copy, stored);
        } finally {
            java.util.Arrays.fill(copy, (byte) 0);
        }
    }

    public boolean verify(String password) {
        return verify(password.getBytes(StandardCharsets.UTF_8));
    }

    /** The password itself when stored as {PLAIN}/{CLEAR} (needed for APOP), else empty. */
    public Optional<byte[]> plaintext() {
        return scheme.storesPlaintext() ? Optional.of(stored.clone()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "StoredPassword{" + scheme.name() + "}";
    }
}
