package org.poststelle.core.auth.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A plain message digest of the password ({SHA}, {SHA256}, {SHA512}, {PLAIN-MD5}, {LDAP-MD5}), or a salted
 * one stored as digest followed by the salt ({SSHA}, {SSHA256}, {SSHA512}, {SMD5}).
 */
final class DigestScheme implements PasswordScheme {
    /** Dovecot's salt length for the salted digests. */
    private static final int SALT_LENGTH = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final String algorithm;
    private final int digestLength;
    private final boolean salted;
    private final PasswordEncoding encoding;
    private final boolean offered;

    private DigestScheme(String name, String algorithm, int digestLength, boolean salted, PasswordEncoding encoding,
            boolean offered) {
        this.name = name;
        this.algorithm = algorithm;
        this.digestLength = digestLength;
        this.salted = salted;
        this.encoding = encoding;
        this.offered = offered;
    }

    static DigestScheme plain(String name, String algorithm, int digestLength, PasswordEncoding encoding) {
        return new DigestScheme(name, algorithm, digestLength, false, encoding, false);
    }

    static DigestScheme salted(String name, String algorithm, int digestLength, boolean offered) {
        return new DigestScheme(name, algorithm, digestLength, true, PasswordEncoding.BASE64, offered);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PasswordEncoding defaultEncoding() {
        return encoding;
    }

    @Override
    public int rawLength() {
        return salted ? 0 : digestLength;
    }

    @Override
    public boolean verify(byte[] password, byte[] stored) {
        if (salted ? stored.length <= digestLength : stored.length != digestLength) {
            return false;
        }
        byte[] salt = Arrays.copyOfRange(stored, digestLength, stored.length);
        byte[] expected = Arrays.copyOf(stored, digestLength);
        return MessageDigest.isEqual(digest(password, salt), expected);
    }

    @Override
    public boolean canGenerate() {
        return offered;
    }

    @Override
    public byte[] generate(byte[] password) {
        if (!offered) {
            return PasswordScheme.super.generate(password);
        }
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        byte[] d = digest(password, salt);
        byte[] out = Arrays.copyOf(d, d.length + salt.length);
        System.arraycopy(salt, 0, out, d.length, salt.length);
        return out;
    }

    private byte[] digest(byte[] password, byte[] salt) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            md.update(password);
            md.update(salt);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from the JDK", e);
        }
    }
}
