package org.poststelle.pop3.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.poststelle.store.MailStore;

/**
 * Enforces RFC 2449 LOGIN-DELAY: an account whose policy sets a delay may not log in again over POP3 before
 * it has passed. Kept in memory: a restart forgets it, which only ever allows a login sooner.
 */
final class LoginDelays {
    private record Key(MailStore store, String user) {
    }

    private static final int PRUNE_ABOVE = 10_000;
    private static final ConcurrentHashMap<Key, Instant> NOT_BEFORE = new ConcurrentHashMap<>();

    private LoginDelays() {
    }

    /** How long the account must still wait, or zero when it may log in now. */
    static Duration remaining(MailStore store, String user, Instant now) {
        Instant notBefore = NOT_BEFORE.get(key(store, user));
        return notBefore == null || !now.isBefore(notBefore) ? Duration.ZERO : Duration.between(now, notBefore);
    }

    /** Records a login; the next one may come after {@code delay}. */
    static void loggedIn(MailStore store, String user, Duration delay, Instant now) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        if (NOT_BEFORE.size() > PRUNE_ABOVE) {
            NOT_BEFORE.values().removeIf(t -> t.isBefore(now));
        }
        NOT_BEFORE.put(key(store, user), now.plus(delay));
    }

    private static Key key(MailStore store, String user) {
        return new Key(store, user.toLowerCase(Locale.ROOT));
    }
}
