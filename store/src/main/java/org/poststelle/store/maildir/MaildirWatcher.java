package org.poststelle.store.maildir;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices other programs' changes to open folders: an MTA delivering into new/ (or cur/), a Maildir tool
 * renaming or deleting files in cur/. File watching (inotify on Linux) reports them at once; a poll every
 * {@code poll_interval} is the fallback where watching misses changes (network file systems). Events only
 * wake the folder's sync, which sorts out what is ours and what is new.
 */
final class MaildirWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MaildirWatcher.class);

    private record Target(MailboxState state, boolean cur) {
    }

    private final WatchService service;
    private final Map<WatchKey, Target> targets = new ConcurrentHashMap<>();
    private final Map<MailboxState, List<WatchKey>> keys = new ConcurrentHashMap<>();
    private final Thread thread;
    private final ScheduledExecutorService poller;

    MaildirWatcher(boolean watchFiles, Duration pollInterval) {
        WatchService ws = null;
        if (watchFiles) {
            try {
                ws = FileSystems.getDefault().newWatchService();
            } catch (IOException | UnsupportedOperationException e) {
                LOG.warn("file watching unavailable ({}); relying on polling", e.toString());
            }
        }
        service = ws;
        if (service != null) {
            thread = new Thread(this::run, "maildir-watch");
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
        }
        if (!pollInterval.isZero() && !pollInterval.isNegative()) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "maildir-poll");
                t.setDaemon(true);
                return t;
            });
            long ms = Math.max(100, pollInterval.toMillis());
            poller.scheduleWithFixedDelay(this::pollAll, ms, ms, TimeUnit.MILLISECONDS);
        } else {
            poller = null;
        }
    }

    void watch(MailboxState state) {
        if (service == null) {
            keys.put(state, List.of());
            return;
        }
        try {
            Path dir = state.dir();
            WatchKey newKey = dir.resolve("new").register(service, StandardWatchEventKinds.ENTRY_CREATE);
            WatchKey curKey = dir.resolve("cur").register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE);
            targets.put(newKey, new Target(state, false));
            targets.put(curKey, new Target(state, true));
            keys.put(state, List.of(newKey, curKey));
            state.disk().setWatched(true);
        } catch (IOException | ClosedWatchServiceException e) {
            LOG.warn("cannot watch {} ({}); relying on polling", state.name(), e.toString());
            keys.put(state, List.of());
        }
    }

    void unwatch(MailboxState state) {
        List<WatchKey> ks = keys.remove(state);
        state.disk().setWatched(false);
        if (ks != null) {
            for (WatchKey k : ks) {
                targets.remove(k);
                k.cancel();
            }
        }
    }

    /** How many folders are watched or polled now (tests: idle folders' watches stay bounded). */
    int watchedFolders() {
        return keys.size();
    }

    private void run() {
        while (true) {
            WatchKey key;
            try {
                key = service.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Target t = targets.get(key);
            for (WatchEvent<?> ev : key.pollEvents()) {
                if (t == null) {
                    continue;
                }
                if (ev.kind() == StandardWatchEventKinds.OVERFLOW) {
                    t.state().disk().onWatchEvent(t.cur(), false, null);
                } else {
                    String name = ((Path) ev.context()).toString();
                    t.state().disk().onWatchEvent(t.cur(), ev.kind() == StandardWatchEventKinds.ENTRY_CREATE, name);
                }
            }
            key.reset();
        }
    }

    private void pollAll() {
        for (MailboxState s : keys.keySet()) {
            try {
                s.disk().poll();
            } catch (RuntimeException e) {
                LOG.warn("polling {} failed: {}", s.name(), e.toString());
            }
        }
    }

    /** Runs a periodic task on the poll thread (idle-folder cleanup). */
    void schedule(Runnable task, Duration every) {
        if (poller != null) {
            poller.scheduleWithFixedDelay(task, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
