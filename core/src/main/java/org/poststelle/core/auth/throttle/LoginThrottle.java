package org.poststelle.core.auth.throttle;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.poststelle.core.auth.AuthConfig;
import org.poststelle.core.net.Cidr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brute-force defence: counts failed logins per client address and per account name, and says how long
 * to wait before answering a failure. Like Dovecot's {@code auth_failure_delay}, but growing: the delay is
 * {@code base * 2^(n-1)}, capped at {@code max}, where n is the larger of the address's and the account's
 * failure count. Counts are forgotten {@code forget_after} without a new failure; a successful login clears
 * the account's count (not the address's, so an attacker's own account cannot reset it). After
 * {@code lockout_after} failures an address is locked out: its attempts fail without a password check, with
 * the same answer and delay as a wrong password.
 *
 * <p>IPv6 clients are counted per /64, since one host usually holds a whole /64. The number of tracked keys is
 * bounded; on overflow forgotten entries are purged first.
 */
public final class LoginThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    static final int MAX_TRACKED = 100_000;

    private record Count(int failures, Instant last) {
    }

    private final AuthConfig.FailureDelay config;
    private final InstantSource clock;
    private final Map<String, Count> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Count> byAccount = new ConcurrentHashMap<>();

    public LoginThrottle(AuthConfig.FailureDelay config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Whether attempts from this address fail without a check until its failures are forgotten. */
    public boolean lockedOut(InetAddress remote) {
        if (config.lockoutAfter() <= 0) {
            return false;
        }
        String key = addressKey(remote);
        return key != null && current(byAddress, key) >= config.lockoutAfter();
    }

    /** Records a failed attempt and returns how long to wait before answering it. */
    public Duration failure(InetAddress remote, String account) {
        Instant now = clock.instant();
        int n = 0;
        String key = addressKey(remote);
        if (key != null) {
            int count = increment(byAddress, key, now);
            if (count == config.lockoutAfter()) {
                LOG.warn("client {} locked out after {} failed logins", key, count);
            }
            n = count;
        }
        if (account != null && !account.isEmpty()) {
            n = Math.max(n, increment(byAccount, account, now));
        }
        return delayFor(n);
    }

    /** A successful login: the account's failures are forgotten. */
    public void success(String account) {
        byAccount.remove(account);
    }

    /** The failures currently counted for an address (for tests and diagnostics). */
    public int addressFailures(InetAddress remote) {
        String key = addressKey(remote);
        return key == null ? 0 : current(byAddress, key);
    }

    public int accountFailures(String account) {
        return current(byAccount, account);
    }

    int trackedAccounts() {
        return byAccount.size();
    }

    /** The delay before answering the n-th counted failure. */
    public Duration delayFor(int failures) {
        if (failures <= 0 || config.base().isZero()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - 1, 30);
        Duration d = config.base().multipliedBy(1L << doublings);
        return d.compareTo(config.max()) > 0 ? config.max() : d;
    }

    private int current(Map<String, Count> map, String key) {
        Count c = map.get(key);
        return c == null || forgotten(c, clock.instant()) ? 0 : c.failures;
    }

    private int increment(Map<String, Count> map, String key, Instant now) {
        if (map.size() >= MAX_TRACKED && !map.containsKey(key)) {
            purge(map, now);
        }
        Count c = map.compute(key, (k, old) -> old == null || forgotten(old, now)
                ? new Count(1, now) : new Count(old.failures == Integer.MAX_VALUE ? old.failures : old.failures + 1, now));
        return c.failures;
    }

    private boolean forgotten(Count c, Instant now) {
        return !now.isBefore(c.last.plus(config.forgetAfter()));
    }

    private void purge(Map<String, Count> map, Instant now) {
        map.values().removeIf(c -> forgotten(c, now));
        Iterator<String> it = map.keySet().iterator();
        // still full of live entries (a distributed attack): drop a tenth at random rather than grow without
        // bound, so that the next new keys do not each pay a full scan
        while (map.size() >= MAX_TRACKED - MAX_TRACKED / 10 && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** The counting key of an address, or null when it is exempt or unknown. */
    private String addressKey(InetAddress remote) {
        if (remote == null || Cidr.anyContains(config.exemptNetworks(), remote)) {
            return null;
        }
        byte[] a = remote.getAddress();
        if (remote instanceof Inet6Address && !isMappedV4(a)) {
            byte[] prefix = Arrays.copyOf(Arrays.copyOf(a, 8), 16);
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                return remote.getHostAddress();
            }
        }
        if (a.length == 16) {
            return (a[12] & 0xff) + "." + (a[13] & 0xff) + "." + (a[14] & 0xff) + "." + (a[15] & 0xff);
        }
        return remote.getHostAddress();
    }

    private static boolean isMappedV4(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }
}
