package org.poststelle.store.search;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.poststelle.store.model.MailboxSnapshot;

/**
 * The headers search, sort and thread read (see {@link CachedHeaders}), kept in memory per mailbox so that
 * {@code SEARCH FROM}, {@code SORT (DATE)} or THREAD over a large mailbox read each message's header only once.
 * Entries are filled by the searches that need them and never go stale: a UID's message never changes, and
 * entries of expunged UIDs are dropped when a newer snapshot is merged in. One instance per server, shared by
 * all sessions; thread-safe.
 *
 * <p>Memory is bounded: when the total exceeds {@code maxBytes}, the least recently used mailboxes are dropped
 * (a mailbox that alone would exceed the bound is searched without keeping its new entries). The key is the
 * mailbox's MAILBOXID with its UIDVALIDITY, so mailbox ids must be unique across the server.
 */
public final class HeaderCache {
    /** The default bound: enough for about half a million messages. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    private final long maxBytes;
    private final LinkedHashMap<Key, MailboxHeaders> mailboxes = new LinkedHashMap<>(16, 0.75f, true);
    private long totalBytes;

    public HeaderCache() {
        this(DEFAULT_MAX_BYTES);
    }

    public HeaderCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("negative bound");
        }
        this.maxBytes = maxBytes;
    }

    /** Bytes held now (approximate). */
    public synchronized long memoryUsed() {
        return totalBytes;
    }

    /** Number of mailboxes with cached headers. */
    public synchronized int mailboxCount() {
        return mailboxes.size();
    }

    /** Forgets everything. */
    public synchronized void clear() {
        mailboxes.clear();
        totalBytes = 0;
    }

    synchronized MailboxHeaders forMailbox(String mailboxId, long uidValidity) {
        Key key = new Key(mailboxId, uidValidity);
        MailboxHeaders t = mailboxes.get(key);
        if (t == null) {
            t = new MailboxHeaders(this);
            mailboxes.put(key, t);
        }
        return t;
    }

    /** Replaces a table's content under the cache's lock, evicting other tables while over the bound. */
    synchronized void replace(MailboxHeaders table, MailboxHeaders.Table next) {
        if (table.evicted) {
            return;
        }
        long delta = next.bytes() - table.bytes();
        if (table.bytes() + delta > maxBytes && delta > 0) {
            return; // alone over the bound: keep what it has
        }
        Iterator<Map.Entry<Key, MailboxHeaders>> it = mailboxes.entrySet().iterator();
        while (totalBytes + delta > maxBytes && it.hasNext()) {
            MailboxHeaders other = it.next().getValue();
            if (other != table) {
                totalBytes -= other.bytes();
                other.evicted = true;
                other.table = MailboxHeaders.EMPTY;
                it.remove();
            }
        }
        totalBytes += delta;
        table.table = next;
    }

    private record Key(String mailboxId, long uidValidity) {
        Key {
            Objects.requireNonNull(mailboxId, "mailboxId");
        }
    }

    /** One mailbox's entries: sorted UIDs with their entries, replaced as a whole (readers never lock). */
    static final class MailboxHeaders {
        record Table(int[] uids, CachedHeaders[] entries, long bytes) {
        }

        static final Table EMPTY = new Table(new int[0], new CachedHeaders[0], 0);

        private final HeaderCache owner;
        // written under the owner's lock
        volatile Table table = EMPTY;
        volatile boolean evicted;

        MailboxHeaders(HeaderCache owner) {
            this.owner = owner;
        }

        long bytes() {
            return table.bytes;
        }

        int size() {
            return table.uids.length;
        }

        /** The entry of a UID, or null when it is not cached. */
        CachedHeaders get(long uid) {
            Table t = table;
            int lo = 0;
            int hi = t.uids.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                long v = t.uids[mid] & 0xFFFF_FFFFL;
                if (v < uid) {
                    lo = mid + 1;
                } else if (v > uid) {
                    hi = mid - 1;
                } else {
                    return t.entries[mid];
                }
            }
            return null;
        }

        /**
         * Adds entries (ascending UIDs) and drops entries of UIDs that {@code snapshot} shows expunged.
         */
        void put(long[] uids, CachedHeaders[] entries, int count, MailboxSnapshot snapshot) {
            synchronized (owner) {
                Table old = table;
                int[] mu = new int[old.uids.length + count];
                CachedHeaders[] me = new CachedHeaders[mu.length];
                int n = 0;
                long bytes = 0;
                int i = 0;
                int j = 0;
                long maxUid = snapshot.maxUid();
                while (i < old.uids.length || j < count) {
                    long ou = i < old.uids.length ? old.uids[i] & 0xFFFF_FFFFL : Long.MAX_VALUE;
                    long nu = j < count ? uids[j] : Long.MAX_VALUE;
                    long u;
                    CachedHeaders e;
                    if (ou <= nu) {
                        u = ou;
                        e = old.entries[i++];
                        if (ou == nu) {
                            j++;
                        }
                    } else {
                        u = nu;
                        e = entries[j++];
                    }
                    if (u <= maxUid && snapshot.indexOf(u) < 0) {
                        continue; // expunged
                    }
                    mu[n] = (int) u;
                    me[n] = e;
                    bytes += e.memory();
                    n++;
                }
                owner.replace(this, new Table(Arrays.copyOf(mu, n), Arrays.copyOf(me, n), bytes));
            }
        }
    }
}
