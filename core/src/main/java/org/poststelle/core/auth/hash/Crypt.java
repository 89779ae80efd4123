package org.poststelle.core.auth.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.apache.commons.codec.digest.Md5Crypt;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.apache.commons.codec.digest.UnixCrypt;
import org.bouncycastle.crypto.RuntimeCryptoException;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Verifies a crypt(3) string by its prefix, as glibc's crypt() does for Dovecot: {@code $1$} MD5-crypt,
 * {@code $5$}/{@code $6$} SHA-crypt, {@code $2a$}/{@code $2b$}/{@code $2y$} bcrypt, {@code $argon2i$}/
 * {@code $argon2id$}, and 13-character traditional DES.
 */
final class Crypt {
    private Crypt() {
    }

    static boolean verify(byte[] password, String hash) {
        try {
            if (hash.startsWith("$1$")) {
                return same(Md5Crypt.md5Crypt(password, hash), hash);
            }
            if (hash.startsWith("$5$")) {
                return same(Sha2Crypt.sha256Crypt(password, hash), hash);
            }
            if (hash.startsWith("$6$")) {
                return same(Sha2Crypt.sha512Crypt(password, hash), hash);
            }
            if (hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$")) {
                return OpenBSDBCrypt.checkPassword(hash, BcryptScheme.truncated(password));
            }
            if (hash.startsWith("$argon2")) {
                return Argon2Scheme.verifyPhc(password, hash);
            }
            if (hash.length() == 13 && hash.matches("[./0-9A-Za-z]{13}")) {
                return same(UnixCrypt.crypt(password, hash.substring(0, 2)), hash);
            }
            return false;
        } catch (IllegalArgumentException | RuntimeCryptoException e) {
            // a malformed stored hash never matches
            return false;
        }
    }

    private static boolean same(String computed, String stored) {
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                stored.getBytes(StandardCharsets.US_ASCII));
    }
}
