package org.poststelle.core.auth.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Dovecot's {PBKDF2}: {@code $1$<salt>$<rounds>$<hex>}, PBKDF2-HMAC-SHA1 with a 20-byte key; the salt is
 * used as the ASCII text it is written as.
 */
final class Pbkdf2Scheme implements PasswordScheme {
    private static final int KEY_LENGTH = 20;
    /** Dovecot's default round count. */
    private static final int ROUNDS = 5000;
    private static final String SALT_CHARS = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String name() {
        return "PBKDF2";
    }

    @Override
    public PasswordEncoding defaultEncoding() {
        return PasswordEncoding.NONE;
    }

    @Override
    public boolean verify(byte[] password, byte[] stored) {
        String s = new String(stored, StandardCharsets.UTF_8);
        if (!s.startsWith("$1$")) {
            return false;
        }
        String[] fields = s.substring(3).split("\\$", -1);
        if (fields.length != 3 || fields[2].length() != KEY_LENGTH * 2) {
            return false;
        }
        try {
            int rounds = Integer.parseInt(fields[1]);
            if (rounds < 1 || rounds > 10_000_000) {
                return false;
            }
            byte[] expected = HexFormat.of().parseHex(fields[2]);
            return MessageDigest.isEqual(derive(password, fields[0], rounds), expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean canGenerate() {
        return true;
    }

    @Override
    public byte[] generate(byte[] password) {
        StringBuilder salt = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            salt.append(SALT_CHARS.charAt(RANDOM.nextInt(SALT_CHARS.length())));
        }
        String out = "$1$" + salt + "$" + ROUNDS + "$" + HexFormat.of().formatHex(derive(password, salt.toString(), ROUNDS));
        return out.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] derive(byte[] password, String salt, int rounds) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA1Digest());
        generator.init(password, salt.getBytes(StandardCharsets.UTF_8), rounds);
        return ((KeyParameter) generator.generateDerivedParameters(KEY_LENGTH * 8)).getKey();
    }
}
