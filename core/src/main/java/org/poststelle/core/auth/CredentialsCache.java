package org.poststelle.core.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers recently verified passwords, so that a POP3 client polling every minute does not pay an Argon2
 * hash each time. Holds per user an HMAC-SHA256 of the password under a key made at random for this process
 * (never the password, and useless outside this process), the account's passwd-file line at the time, and an
 * expiry. An entry only matches while the line is unchanged: a password change, a disabled flag or any other
 * edit of the account's line drops it.
 */
public final class CredentialsCache {
    private record Entry(byte[] digest, String line, Instant expires) {
    }

    private final Duration ttl;
    private final InstantSource clock;
    private final byte[] key = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CredentialsCache(Duration ttl, InstantSource clock) {
        this.ttl = ttl;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    public boolean enabled() {
        return !ttl.isZero() && !ttl.isNegative();
    }

    /** Whether this password was verified for this user, with this exact line, within the TTL. */
    public boolean matches(String user, String line, byte[] password) {
        if (!enabled()) {
            return false;
        }
        Entry e = entries.get(user);
        if (e == null) {
            return false;
        }
        if (!e.line.equals(line) || !clock.instant().isBefore(e.expires)) {
            entries.remove(user, e);
            return false;
        }
        return MessageDigest.isEqual(e.digest, digest(user, password));
    }

    public void put(String user, String line, byte[] password) {
        if (enabled()) {
            entries.put(user, new Entry(digest(user, password), line, clock.instant().plus(ttl)));
        }
    }

    public void invalidate(String user) {
        entries.remove(user);
    }

    public int size() {
        return entries.size();
    }

    private byte[] digest(String user, byte[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(user.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }
}
