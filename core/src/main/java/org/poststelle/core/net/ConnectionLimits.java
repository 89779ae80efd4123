package org.poststelle.core.net;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connection limits shared by every listener: total, per client address and per user. A slot is given
 * back when its channel closes, so callers never release by hand.
 */
public final class ConnectionLimits {
    private static final String TOTAL = "";

    private final int maxTotal;
    private final int maxPerAddress;
    private final int maxPerUser;
    private final ConcurrentHashMap<Object, Integer> counts = new ConcurrentHashMap<>();

    /** Limits of 0 mean unlimited. */
    public ConnectionLimits(int maxTotal, int maxPerAddress, int maxPerUser) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.maxPerUser = maxPerUser;
    }

    public static ConnectionLimits unlimited() {
        return new ConnectionLimits(0, 0, 0);
    }

    /** Why a connection was refused ("total", "per-address"), or null when it got its slots. */
    public String tryAcceptConnection(Channel ch, InetAddress remote) {
        if (!acquire(TOTAL, maxTotal)) {
            return "total";
        }
        if (!acquire(remote, maxPerAddress)) {
            release(TOTAL);
            return "per-address";
        }
        ch.closeFuture().addListener(f -> {
            release(TOTAL);
            release(remote);
        });
        return null;
    }

    /** Called after a successful login; false when the user already has the maximum number of sessions. */
    public boolean tryAcceptUser(Channel ch, String user) {
        UserKey key = new UserKey(user.toLowerCase(Locale.ROOT));
        if (!acquire(key, maxPerUser)) {
            return false;
        }
        ch.closeFuture().addListener(f -> release(key));
        return true;
    }

    public int total() {
        return counts.getOrDefault(TOTAL, 0);
    }

    private boolean acquire(Object key, int max) {
        boolean[] granted = {false};
        counts.compute(key, (k, n) -> {
            int current = n == null ? 0 : n;
            if (max > 0 && current >= max) {
                return n;
            }
            granted[0] = true;
            return current + 1;
        });
        return granted[0];
    }

    private void release(Object key) {
        counts.compute(key, (k, n) -> n == null || n <= 1 ? null : n - 1);
    }

    private record UserKey(String name) {
    }
}
