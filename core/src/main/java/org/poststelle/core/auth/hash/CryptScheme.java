package org.poststelle.core.auth.hash;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.function.Function;
import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * A crypt(3)-style scheme: {CRYPT}, {SHA512-CRYPT}, {SHA256-CRYPT}, {MD5-CRYPT}, {DES-CRYPT}. Like Dovecot
 * (which hands the string to crypt()), verification goes by the hash's own prefix, whatever the scheme name.
 */
final class CryptScheme implements PasswordScheme {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final Function<byte[], String> generator;

    private CryptScheme(String name, Function<byte[], String> generator) {
        this.name = name;
        this.generator = generator;
    }

    /** Accepted for existing hashes, never used for new ones (weak, or no single algorithm). */
    static CryptScheme verifyOnly(String name) {
        return new CryptScheme(name, null);
    }

    /** SHA-crypt with the default 5000 rounds, as {@code doveadm pw} makes it. */
    static CryptScheme sha512() {
        return new CryptScheme("SHA512-CRYPT", pw -> Sha2Crypt.sha512Crypt(pw, null, RANDOM));
    }

    static CryptScheme sha256() {
        return new CryptScheme("SHA256-CRYPT", pw -> Sha2Crypt.sha256Crypt(pw, null, RANDOM));
    }

    @Override
    public String name() {
        return name;
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
        return generator != null;
    }

    @Override
    public byte[] generate(byte[] password) {
        if (generator == null) {
            return PasswordScheme.super.generate(password);
        }
        return generator.apply(password).getBytes(StandardCharsets.US_ASCII);
    }
}
