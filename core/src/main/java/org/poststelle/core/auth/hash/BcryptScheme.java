package org.poststelle.core.auth.hash;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** {BLF-CRYPT}: bcrypt ({@code $2y$}, also {@code $2a$}/{@code $2b$} on verification). */
final class BcryptScheme implements PasswordScheme {
    /**
     * Cost 10 (1024 rounds) rather than Dovecot's default 5: the usual modern choice, about 50-100 ms per hash.
     */
    static final int COST = 10;
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String name() {
        return "BLF-CRYPT";
    }

    @Override
    public PasswordEncoding defaultEncoding() {
        return PasswordEncoding.NONE;
    }

    @Override
    public boolean verify(byte[] password, byte[] stored) {
        return Crypt.verify(password, new String(stored, StandardCharsets.UTF_8));
    }

    @Override
    public boolean canGenerate() {
        return true;
    }

    @Override
    public byte[] generate(byte[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", truncated(password), salt, COST).getBytes(StandardCharsets.US_ASCII);
    }

    /** bcrypt only ever uses the first 72 bytes (as the C implementations silently do). */
    static byte[] truncated(byte[] password) {
        return password.length <= MAX_PASSWORD_BYTES ? password : Arrays.copyOf(password, MAX_PASSWORD_BYTES);
    }
}
