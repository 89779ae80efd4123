package org.poststelle.store.maildir;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.poststelle.core.auth.Account;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.store.MailStore;
import org.poststelle.store.StoreConfig;
import org.poststelle.store.StoreException;
import org.poststelle.store.UserMailboxes;

/**
 * The Maildir backend: each account's mail in a Dovecot-compatible Maildir++ directory. One instance per
 * server; thread-safe. In a test: {@code MaildirMailStore.open(StoreConfig.defaults(tempDir), Metrics.noop())}.
 */
public final class MaildirMailStore implements MailStore {
    private static final Duration IDLE_LIMIT = Duration.ofMinutes(5);

    private final StoreConfig config;
    private final StoreMetrics metrics;
    private final Fsync fsync;
    private final ContentCache contentCache;
    private final MaildirWatcher watcher;
    private final ExecutorService syncExecutor;
    private final ExecutorService fsyncExecutor;
    private final AtomicLong lastUidValidity = new AtomicLong();
    /** Every account store any session still holds: one per Maildir root, so one state per folder. */
    private final Map<Path, WeakReference<AccountStore>> accounts = new HashMap<>();
    /** Account stores with loaded folders stay reachable even when no session holds them. */
    private final Set<AccountStore> pinned = ConcurrentHashMap.newKeySet();
    /** Loaded folders nobody has open, oldest first, with the time they became idle. */
    private final LinkedHashMap<MailboxState, Long> idle = new LinkedHashMap<>();
    private volatile boolean closed;

    private MaildirMailStore(StoreConfig config, Metrics metrics) {
        this.config = config;
        this.metrics = new StoreMetrics(metrics);
        this.fsync = new Fsync(config.fsync());
        this.contentCache = new ContentCache(config.structureCacheSize());
        this.watcher = new MaildirWatcher(config.watchFiles(), config.pollInterval());
        // two threads: one mailbox's long task (a checkpoint, a big rescan) does not hold up the others' syncs
        this.syncExecutor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "maildir-sync");
            t.setDaemon(true);
            return t;
        });
        this.fsyncExecutor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "maildir-fsync");
            t.setDaemon(true);
            return t;
        });
        watcher.schedule(this::expireIdle, Duration.ofSeconds(30));
    }

    public static MaildirMailStore open(StoreConfig config, Metrics metrics) {
        return new MaildirMailStore(config, metrics);
    }

    @Override
    public UserMailboxes forAccount(Account account) {
        if (closed) {
            throw new StoreException(StoreException.Reason.TEMPORARY, "the store is shutting down");
        }
        AccountStore store = accountStore(MailLocation.root(config, account));
        store.initialize();
        return new MaildirUserMailboxes(store, account);
    }

    @Override
    public long maxMessageSize() {
        return config.maxMessageSize();
    }

    @Override
    public long searchCacheSize() {
        return config.searchCacheSize();
    }

    /** Bytes the loaded folders' indexes hold in memory and how many messages they index (diagnostics). */
    public long[] residentIndexBytesAndMessages() {
        long bytes = 0;
        long messages = 0;
        List<AccountStore> all = new ArrayList<>();
        synchronized (accounts) {
            for (WeakReference<AccountStore> r : accounts.values()) {
                if (r.get() != null) {
                    all.add(r.get());
                }
            }
        }
        for (AccountStore a : all) {
            for (MailboxState s : a.loadedStates()) {
                bytes += s.residentBytes();
                messages += s.messageCount();
            }
        }
        return new long[] {bytes, messages};
    }

    private AccountStore accountStore(Path root) {
        synchronized (accounts) {
            WeakReference<AccountStore> ref = accounts.get(root);
            AccountStore s = ref == null ? null : ref.get();
            if (s == null) {
                if (accounts.size() > 1024 && accounts.size() % 256 == 0) {
                    accounts.values().removeIf(r -> r.get() == null);
                }
                s = new AccountStore(this, root);
                accounts.put(root, new WeakReference<>(s));
            }
            return s;
        }
    }

    // ------------------------------------------------------------------ for the package

    StoreConfig config() {
        return config;
    }

    StoreMetrics metrics() {
        return metrics;
    }

    Fsync fsync() {
        return fsync;
    }

    ContentCache contentCache() {
        return contentCache;
    }

    MaildirWatcher watcher() {
        return watcher;
    }

    ExecutorService syncExecutor() {
        return syncExecutor;
    }

    /** Runs directory flushes alongside the log flush of a commit. */
    ExecutorService fsyncExecutor() {
        return fsyncExecutor;
    }

    /** A UIDVALIDITY for a new folder: the time in seconds, strictly increasing within this process. */
    long nextUidValidity() {
        long now = System.currentTimeMillis() / 1000;
        return lastUidValidity.updateAndGet(prev -> Math.min(0xFFFF_FFFFL, Math.max(prev + 1, now)));
    }

    void pin(AccountStore s) {
        pinned.add(s);
    }

    void unpin(AccountStore s) {
        pinned.remove(s);
    }

    /** A folder nobody has open; the oldest idle ones are closed beyond the configured number. */
    void idle(MailboxState state) {
        List<MailboxState> evict = new ArrayList<>();
        synchronized (idle) {
            idle.put(state, System.nanoTime());
            var it = idle.keySet().iterator();
            while (idle.size() > config.idleMailboxes() && it.hasNext()) {
                evict.add(it.next());
                it.remove();
            }
        }
        for (MailboxState s : evict) {
            s.account().evict(s);
        }
    }

    void unidle(MailboxState state) {
        synchronized (idle) {
            idle.remove(state);
        }
    }

    private void expireIdle() {
        List<MailboxState> evict = new ArrayList<>();
        long cutoff = System.nanoTime() - IDLE_LIMIT.toNanos();
        synchronized (idle) {
            var it = idle.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                if (e.getValue() - cutoff < 0) {
                    evict.add(e.getKey());
                    it.remove();
                }
            }
        }
        for (MailboxState s : evict) {
            s.account().evict(s);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        watcher.close();
        syncExecutor.shutdown();
        try {
            syncExecutor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<AccountStore> all = new ArrayList<>();
        synchronized (accounts) {
            for (WeakReference<AccountStore> r : accounts.values()) {
                AccountStore s = r.get();
                if (s != null) {
                    all.add(s);
                }
            }
        }
        for (AccountStore s : all) {
            s.closeAll();
        }
        fsyncExecutor.shutdown();
        synchronized (idle) {
            idle.clear();
        }
        pinned.clear();
    }
}
