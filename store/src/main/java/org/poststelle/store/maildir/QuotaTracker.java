package org.poststelle.store.maildir;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.QuotaUsage;

/**
 * An account's usage: message count and CRLF bytes per folder, summed on demand. A folder's figures come
 * from its open mailbox (exact, updated on every change) or, for folders not open, once from the index
 * header and change log on disk. So usage is learnt once and then kept up to date without rescans.
 * Appends reserve their size first, so concurrent appends cannot together overshoot the limit.
 */
final class QuotaTracker {

    /** One folder's figures. */
    static final class FolderUsage {
        private volatile long messages;
        private volatile long bytes;

        void set(long messages, long bytes) {
            this.messages = messages;
            this.bytes = bytes;
        }

        long messages() {
            return messages;
        }

        long bytes() {
            return bytes;
        }
    }

    private final Map<String, FolderUsage> folders = new ConcurrentHashMap<>();
    private long reservedMessages;
    private long reservedBytes;

    /** The figures of a folder (key: its directory name, "" for INBOX), loaded by {@code load} when unknown. */
    FolderUsage folder(String key, Function<String, long[]> load) {
        return folders.computeIfAbsent(key, k -> {
            FolderUsage u = new FolderUsage();
            long[] v = load.apply(k);
            u.set(v[0], v[1]);
            return u;
        });
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
