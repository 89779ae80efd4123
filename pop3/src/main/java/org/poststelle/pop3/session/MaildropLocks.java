package org.poststelle.pop3.session;

import io.netty.channel.Channel;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.poststelle.store.MailStore;

/**
 * RFC 1939's exclusive maildrop lock, per account and store, across every POP3 listener of this JVM. Who
 * takes it is {@code pop3.maildrop_lock}'s business (every session at login, or a session about to remove
 * mail). A lock is released when its channel closes (QUIT, drop, timeout or shutdown), so it can never
 * outlive its session. IMAP sessions do not take it.
 */
final class MaildropLocks {
    private record Key(MailStore store, String user) {
    }

    private static final ConcurrentHashMap<Key, Channel> HELD = new ConcurrentHashMap<>();

    private MaildropLocks() {
    }

    /** Takes the lock for {@code ch}; false when another session holds it. */
    static boolean tryLock(MailStore store, String user, Channel ch) {
        Key key = new Key(store, user.toLowerCase(Locale.ROOT));
        Channel holder = HELD.putIfAbsent(key, ch);
        if (holder != null) {
            return holder == ch;
        }
        ch.closeFuture().addListener(f -> HELD.remove(key, ch));
        return true;
    }

    /** Whether a session other than {@code ch}'s holds the lock. */
    static boolean lockedByOther(MailStore store, String user, Channel ch) {
        Channel holder = HELD.get(new Key(store, user.toLowerCase(Locale.ROOT)));
        return holder != null && holder != ch;
    }

    /** Gives the lock back early (a login that failed after taking it). */
    static void unlock(MailStore store, String user, Channel ch) {
        HELD.remove(new Key(store, user.toLowerCase(Locale.ROOT)), ch);
    }
}
