package org.poststelle.core.auth.hash;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * {SCRAM-SHA-1} and {SCRAM-SHA-256} as Dovecot stores them ({@code iterations,salt,StoredKey,ServerKey},
 * base64): verifiable for plaintext logins, and what a later SCRAM mechanism would read.
 */
final class ScramScheme implements PasswordScheme {
    private final String name;
    private final boolean sha256;

    ScramScheme(String name, boolean sha256) {
        this.name = name;
        this.sha256 = sha256;
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
        String[] fields = new String(stored, StandardCharsets.UTF_8).split(",", -1);
        if (fields.length != 4) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(fields[0]);
            if (iterations < 1 || iterations > 10_000_000) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(fields[1]);
            byte[] storedKey = Base64.getDecoder().decode(fields[2]);
            Digest digest = sha256 ? new SHA256Digest() : new SHA1Digest();
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(digest);
            generator.init(password, salt, iterations);
            byte[] salted = ((KeyParameter) generator.generateDerivedParameters(digest.getDigestSize() * 8)).getKey();
            String hmac = sha256 ? "HmacSHA256" : "HmacSHA1";
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(salted, hmac));
            byte[] clientKey = mac.doFinal("Client Key".getBytes(StandardCharsets.US_ASCII));
            byte[] computed = MessageDigest.getInstance(sha256 ? "SHA-256" : "SHA-1").digest(clientKey);
            return MessageDigest.isEqual(computed, storedKey);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
