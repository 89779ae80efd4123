package org.poststelle.store.search;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.poststelle.store.model.MailboxSnapshot;

/**
 * What search, sort and thread read about messages that never changes for a UID, kept in memory per mailbox:
 * the headers ({@link CachedHeaders}: address and subject search forms, sort keys, thread links, sent date) and
 * the index facts size, internal date and save date. So {@code SEARCH FROM}, {@code SORT (DATE)} or THREAD over a
 * large mailbox read each message's header only once, and {@code SINCE} or {@code SORT (ARRIVAL)} do not ask the
 * store for 100 000 {@code MessageMeta}s each time. Flags and modseqs change, so they always come from the
 * session's snapshot, never from here.
 *
 * <p>Entries are filled by the searches that need them and never go stale (a UID's message never changes);
 * entries of expunged UIDs are dropped when a newer snapshot is merged in. One instance per server, shared by all
 * sessions; thread-safe: readers never lock, writers replace a mailbox's tables under the cache's lock.
 *
 * <p>Memory is bounded: when the total exceeds {@code maxBytes}, the least recently used mailboxes are dropped
 * (a mailbox that alone would exceed the bound is searched without keeping its new entries); a bound of 0 turns
 * caching off (configured as {@code store.search_cache}). About 300 bytes per
 * message for typical headers. The key is the mailbox's MAILBOXID with its UIDVALIDITY, so mailbox ids must be
 * unique across the server (the Maildir store uses random 128-bit GUIDs).
 */
public final class HeaderCache {
    /** The default bound: enough for about 800 000 messages of typical headers. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    private final long maxBytes;
    private final LinkedHashMap<Key, MailboxEntries> mailboxes = new LinkedHashMap<>(16, 0.75f, true);
    private long totalBytes;

    public HeaderCache() {
        this(DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes the bound (approximate bytes held); 0 keeps nothing */
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

    /** Number of mailboxes with cached entries. */
    public synchronized int mailboxCount() {
        return mailboxes.size();
    }

    /** Forgets everything. */
    public synchronized void clear() {
        for (MailboxEntries m : mailboxes.values()) {
            m.evicted = true;
        }
        mailboxes.clear();
        totalBytes = 0;
    }

    /**
     * A mailbox's entries; a mailbox without an id, or any mailbox when the bound is 0 (caching off), gets
     * entries of its own that are not kept.
     */
    synchronized MailboxEntries forMailbox(String mailboxId, long uidValidity) {
        if (mailboxId == null || maxBytes == 0) {
            MailboxEntries detached = new MailboxEntries(this);
            detached.evicted = true;
            return detached;
        }
        Key key = new Key(mailboxId, uidValidity);
        MailboxEntries t = mailboxes.get(key);
        if (t == null) {
            t = new MailboxEntries(this);
            mailboxes.put(key, t);
        }
        return t;
    }

    /** Installs a mailbox's new state, evicting other mailboxes, least recently used first, while over the bound. */
    private synchronized void replace(MailboxEntries mailbox, MailboxEntries.State next) {
        if (mailbox.evicted) {
            return;
        }
        long delta = next.bytes() - mailbox.state.bytes();
        if (delta > 0 && next.bytes() > maxBytes) {
            return; // alone over the bound: keep what it has
        }
        Iterator<Map.Entry<Key, MailboxEntries>> it = mailboxes.entrySet().iterator();
        while (totalBytes + delta > maxBytes && it.hasNext()) {
            MailboxEntries other = it.next().getValue();
            if (other != mailbox) {
                totalBytes -= other.state.bytes();
                other.evicted = true;
                other.state = MailboxEntries.EMPTY;
                it.remove();
            }
        }
        totalBytes += delta;
        mailbox.state = next;
    }

    private record Key(String mailboxId, long uidValidity) {
        Key {
            Objects.requireNonNull(mailboxId, "mailboxId");
        }
    }

    /** One mailbox's entries: two tables sorted by UID, replaced as a whole. */
    static final class MailboxEntries {
        /**
         * @param headerUids UIDs (unsigned) with entries in {@code headers}
         * @param factUids UIDs (unsigned) with facts in the parallel arrays
         */
        record State(int[] headerUids, CachedHeaders[] headers, long headerBytes, int[] factUids, long[] sizes,
                long[] internalDates, long[] saveDates) {
            long bytes() {
                return headerBytes + 28L * factUids.length;
            }
        }

        static final State EMPTY = new State(new int[0], new CachedHeaders[0], 0, new int[0], new long[0],
                new long[0], new long[0]);

        private final HeaderCache owner;
        // written under the owner's lock
        volatile State state = EMPTY;
        volatile boolean evicted;

        MailboxEntries(HeaderCache owner) {
            this.owner = owner;
        }

        /** A consistent view for one evaluation. */
        State view() {
            return state;
        }

        /** Adds header entries (ascending UIDs) and drops entries of UIDs that {@code snapshot} shows expunged. */
        void putHeaders(long[] uids, CachedHeaders[] entries, int count, MailboxSnapshot snapshot) {
            synchronized (owner) {
                State old = state;
                int[] mu = new int[old.headerUids.length + count];
                CachedHeaders[] me = new CachedHeaders[mu.length];
                int n = 0;
                long bytes = 0;
                int i = 0;
                int j = 0;
                while (i < old.headerUids.length || j < count) {
                    long ou = i < old.headerUids.length ? old.headerUids[i] & 0xFFFF_FFFFL : Long.MAX_VALUE;
                    long nu = j < count ? uids[j] : Long.MAX_VALUE;
                    long u;
                    CachedHeaders e;
                    if (ou <= nu) {
                        u = ou;
                        e = old.headers[i++];
                        j += ou == nu ? 1 : 0;
                    } else {
                        u = nu;
                        e = entries[j++];
                    }
                    if (!expunged(snapshot, u)) {
                        mu[n] = (int) u;
                        me[n++] = e;
                        bytes += e.memory();
                    }
                }
                owner.replace(this, new State(Arrays.copyOf(mu, n), Arrays.copyOf(me, n), bytes, old.factUids,
                        old.sizes, old.internalDates, old.saveDates));
            }
        }

        /** Adds index facts (ascending UIDs) and drops facts of UIDs that {@code snapshot} shows expunged. */
        void putFacts(long[] uids, long[] sizes, long[] internalDates, long[] saveDates, int count,
                MailboxSnapshot snapshot) {
            synchronized (owner) {
                State old = state;
                int cap = old.factUids.length + count;
                int[] mu = new int[cap];
                long[] ms = new long[cap];
                long[] mi = new long[cap];
                long[] mv = new long[cap];
                int n = 0;
                int i = 0;
                int j = 0;
                while (i < old.factUids.length || j < count) {
                    long ou = i < old.factUids.length ? old.factUids[i] & 0xFFFF_FFFFL : Long.MAX_VALUE;
                    long nu = j < count ? uids[j] : Long.MAX_VALUE;
                    if (ou <= nu) {
                        if (!expunged(snapshot, ou)) {
                            mu[n] = (int) ou;
                            ms[n] = old.sizes[i];
                            mi[n] = old.internalDates[i];
                            mv[n++] = old.saveDates[i];
                        }
                        i++;
                        j += ou == nu ? 1 : 0;
                    } else {
                        if (!expunged(snapshot, nu)) {
                            mu[n] = (int) nu;
                            ms[n] = sizes[j];
                            mi[n] = internalDates[j];
                            mv[n++] = saveDates[j];
                        }
                        j++;
                    }
                }
                owner.replace(this, new State(old.headerUids, old.headers, old.headerBytes, Arrays.copyOf(mu, n),
                        Arrays.copyOf(ms, n), Arrays.copyOf(mi, n), Arrays.copyOf(mv, n)));
            }
        }

        /** A UID at or below the snapshot's highest that the snapshot lacks was expunged (UIDs only grow). */
        private static boolean expunged(MailboxSnapshot snapshot, long uid) {
            return uid <= snapshot.maxUid() && snapshot.indexOf(uid) < 0;
        }
    }

    /** Walks a sorted UID table alongside ascending lookups (cheaper than a binary search per message). */
    static final class Cursor {
        private final int[] uids;
        private int pos;

        Cursor(int[] uids) {
            this.uids = uids;
        }

        /** The index of {@code uid}, or -1; lookups must come in ascending UID order. */
        int find(long uid) {
            int p = pos;
            while (p < uids.length && (uids[p] & 0xFFFF_FFFFL) < uid) {
                p++;
            }
            pos = p;
            return p < uids.length && (uids[p] & 0xFFFF_FFFFL) == uid ? p : -1;
        }
    }
}
