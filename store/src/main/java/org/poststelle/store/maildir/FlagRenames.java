package org.poststelle.store.maildir;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renames files to show flags the index already has (write-behind): a flag change is durable once the change
 * log is flushed, and the Maildir catches up right after, in the background, a slice at a time, giving way
 * to writers waiting for the commit lock. Renames still due are done before the folder is closed, and
 * after a crash at the next open. A part of {@link MailboxState}.
 */
final class FlagRenames {
    private static final Logger LOG = LoggerFactory.getLogger(FlagRenames.class);

    private final MailboxState state;
    /** UIDs whose file name may not show their flags yet; guarded by the commit lock. */
    private int[] renameQueue = new int[0];
    private int renameQueued;
    private final AtomicBoolean renameScheduled = new AtomicBoolean();

    FlagRenames(MailboxState state) {
        this.state = state;
    }

    /** Queues UIDs whose files must be renamed to show their flags. Caller holds the commit lock. */
    void queue(int[] uids, int n) {
        if (renameQueued + n > renameQueue.length) {
            renameQueue = Arrays.copyOf(renameQueue, Math.max(renameQueued + n, renameQueue.length * 2));
        }
        System.arraycopy(uids, 0, renameQueue, renameQueued, n);
        renameQueued += n;
        if (renameScheduled.compareAndSet(false, true)) {
            schedule(this::flush);
        }
    }

    /** Queues every message whose file name does not show its flags (after loading). Caller holds state.commitLock. */
    void queueStale() {
        int[] stale = new int[16];
        int n = 0;
        synchronized (state) {
            for (int i = 0; i < state.index().size(); i++) {
                if (MaildirFilename.flagBits(state.index().fileName(i)) != state.index().flags(i)) {
                    if (n == stale.length) {
                        stale = Arrays.copyOf(stale, n * 2);
                    }
                    stale[n++] = (int) state.index().uid(i);
                }
            }
        }
        if (n > 0) {
            queue(stale, n);
        }
    }

    /** Renames files to show their flags, a slice at a time so other writers get their turn. */
    void flush() {
        renameScheduled.set(false);
        boolean more;
        state.commitLock.lock();
        try {
            if (renameQueued == 0 || !state.isLive()) {
                return;
            }
            slice(1000);
            more = renameQueued > 0;
        } catch (IOException e) {
            LOG.warn("mailbox {}: cannot rename files to show flags: {}", state.name(), e.toString());
            return;
        } finally {
            state.commitLock.unlock();
        }
        if (more && renameScheduled.compareAndSet(false, true)) {
            schedule(this::flush);
        }
    }

    /** Caller holds state.commitLock. */
    private void slice(int max) throws IOException {
        int take = Math.min(max, renameQueued);
        int[] slice = Arrays.copyOfRange(renameQueue, renameQueued - take, renameQueued);
        renameQueued -= take;
        Path cur = state.dir().resolve("cur");
        int[] doneUids = new int[take];
        int[] doneBits = new int[take];
        String[] doneNames = new String[take];
        int done = 0;
        long beforeCur = MaildirFiles.mtime(cur);
        int taken = 0;
        for (int u : slice) {
            if (state.commitLock.hasQueuedThreads() && taken > 0) {
                break; // a writer is waiting: let it in, continue later
            }
            taken++;
            String oldName;
            int bits;
            synchronized (state) {
                int i = state.index().indexOf(u & 0xFFFF_FFFFL);
                if (i < 0) {
                    continue;
                }
                oldName = state.index().fileName(i);
                bits = state.index().flags(i);
            }
            if (MaildirFilename.flagBits(oldName) == bits) {
                continue;
            }
            String newName = MaildirFilename.withFlags(oldName, bits);
            state.expect(newName, oldName);
            try {
                MaildirFiles.rename(cur.resolve(oldName), cur.resolve(newName));
            } catch (NoSuchFileException e) {
                state.disk().wantFullScan(); // another program renamed or removed it; the scan decides
                continue;
            }
            synchronized (state) {
                int i = state.index().indexOf(u & 0xFFFF_FFFFL);
                if (i >= 0) {
                    state.index().setFileName(i, newName);
                }
            }
            doneUids[done] = u;
            doneBits[done] = bits;
            doneNames[done] = newName;
            done++;
        }
        if (taken < slice.length) {
            // put back what this slice did not get to
            queue(Arrays.copyOfRange(slice, taken, slice.length), slice.length - taken);
        } else if (renameQueued == 0 && renameQueue.length > 4096) {
            renameQueue = new int[0];
        }
        if (done > 0) {
            // names only (modseq 0): not flushed, a lost record is repaired by the next scan
            state.logUnflushed(new Change.FlagsSet(0, Arrays.copyOf(doneUids, done), Arrays.copyOf(doneBits, done),
                    Arrays.copyOf(doneNames, done)));
            state.trackCurMtime(beforeCur);
        }
        if (state.disk().fullScanWanted() && state.disk().syncWithDisk(false)) {
            notifyListenersLater();
        }
    }

    private void notifyListenersLater() {
        schedule(state::notifyListeners);
    }

    /**
     * Runs later on the store's sync thread. While the store closes, that executor refuses new work; nothing
     * is lost then: closing the folder does the renames still due ({@link #finish}), and a rename missed by a
     * crash is found again at the next open ({@link #queueStale}), since the index, not the name, holds the flags.
     */
    private void schedule(Runnable task) {
        try {
            state.store().syncExecutor().execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            renameScheduled.set(false);
            LOG.debug("mailbox {}: store closing, renames left to the close", state.name());
        }
    }

    /** Does every rename still due (before the folder is closed). Caller holds the commit lock. */
    void finish() throws IOException {
        while (renameQueued > 0) {
            slice(5000);
        }
    }
}
