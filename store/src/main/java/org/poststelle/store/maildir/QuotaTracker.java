package org.poststelle.store.maildir;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.QuotaUsage;

/**
 * An account's usage: message count and CRLF bytes per folder, summed on demand. A folder's figures come
 * from its loaded mailbox (exact, updated on every change) or, for folders not loaded, once from the index
 * header and change log on disk. So usage is learnt once and then kept up to date without rescans.
 * Appends reserve their size first, so concurrent appends cannot together overshoot the limit.
 *
 * <p>Mail an MTA drops into new/ of a folder nobody has loaded is not in any index, so each folder also has
 * "waiting" figures: what a listing of its new/ found. Listings are redone at most once per interval per
 * account ({@link #waitingListingDue}). When the folder is loaded, it moves those files to cur/ and its index
 * counts them; every {@link FolderUsage#set} from the index clears the waiting figures, and a listing taken
 * before such a set is dropped ({@link FolderUsage#setWaiting}), so no delivery counts twice.
 */
final class QuotaTracker {

    /** One folder's figures: indexed messages plus deliveries waiting in new/. */
    static final class FolderUsage {
        private long messages;
        private long bytes;
        private long waitingMessages;
        private long waitingBytes;
        /** Counts {@link #set} calls, so a listing of new/ made before the index changed is recognized. */
        private long indexVersion;

        /** The indexed figures (which then include whatever was waiting in new/). */
        synchronized void set(long messages, long bytes) {
            this.messages = messages;
            this.bytes = bytes;
            waitingMessages = 0;
            waitingBytes = 0;
            indexVersion++;
        }

        synchronized long indexVersion() {
            return indexVersion;
        }

        /**
         * The files a listing of new/ found; ignored when the indexed figures changed since
         * {@code versionBeforeListing} (the listing may show files that are indexed by now).
         */
        synchronized void setWaiting(long versionBeforeListing, long messages, long bytes) {
            if (versionBeforeListing == indexVersion) {
                waitingMessages = messages;
                waitingBytes = bytes;
            }
        }

        synchronized long messages() {
            return messages + waitingMessages;
        }

        synchronized long bytes() {
            return bytes + waitingBytes;
        }
    }

    private final Map<String, FolderUsage> folders = new ConcurrentHashMap<>();
    private long reservedMessages;
    private long reservedBytes;
    private final Object listingMutex = new Object();
    private long lastListing;
    private boolean listed;

    /**
     * The figures of a folder (key: its directory name, "" for INBOX), loaded by {@code load} when unknown:
     * indexed messages and bytes, then messages and bytes waiting in new/.
     */
    FolderUsage folder(String key, Function<String, long[]> load) {
        return folders.computeIfAbsent(key, k -> {
            FolderUsage u = new FolderUsage();
            long[] v = load.apply(k);
            u.set(v[0], v[1]);
            u.setWaiting(u.indexVersion(), v[2], v[3]);
            return u;
        });
    }

    /** Whether the new/ directories of folders not loaded should be listed again: at most once per interval. */
    boolean waitingListingDue(long nowNanos, long intervalNanos) {
        synchronized (listingMutex) {
            if (listed && nowNanos - lastListing < intervalNanos) {
                return false;
            }
            listed = true;
            lastListing = nowNanos;
            return true;
        }
    }

    FolderUsage existing(String key) {
        return folders.get(key);
    }

    void forget(String key) {
        folders.remove(key);
    }

    void rename(String from, String to) {
        FolderUsage u = folders.remove(from);
        if (u != null) {
            folders.put(to, u);
        }
    }

    /** Usage over all folders; {@code allKeys} lists the folders that exist, loaded as needed. */
    QuotaUsage usage(AccountPolicy policy, Iterable<String> allKeys, Function<String, long[]> load) {
        long m = 0;
        long b = 0;
        for (String key : allKeys) {
            FolderUsage u = folder(key, load);
            m += u.messages();
            b += u.bytes();
        }
        return new QuotaUsage(b, policy.quotaBytes(), m, policy.quotaMessages());
    }

    /** A reservation for messages about to be stored; release it once they are stored (or failed). */
    interface Reservation extends AutoCloseable {
        @Override
        void close();
    }

    Reservation reserve(AccountPolicy policy, long bytes, long messages, QuotaUsage current) {
        if (policy.quotaBytes() == 0 && policy.quotaMessages() == 0) {
            return () -> { };
        }
        synchronized (this) {
            if (policy.quotaBytes() > 0 && current.storageBytes() + reservedBytes + bytes > policy.quotaBytes()) {
                throw new StoreException(StoreException.Reason.OVER_QUOTA, "storage quota exceeded");
            }
            if (policy.quotaMessages() > 0
                    && current.messages() + reservedMessages + messages > policy.quotaMessages()) {
                throw new StoreException(StoreException.Reason.OVER_QUOTA, "message quota exceeded");
            }
            reservedBytes += bytes;
            reservedMessages += messages;
        }
        return () -> {
            synchronized (this) {
                reservedBytes -= bytes;
                reservedMessages -= messages;
            }
        };
    }
}
