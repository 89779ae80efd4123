package org.poststelle.store.maildir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.AppendResult;
import org.poststelle.store.model.NewMessage;
import org.poststelle.store.model.UidSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends to one folder, group-committed: each caller writes its message to tmp/ (its flush starts at once,
 * on a flusher thread) and queues it; whoever gets the commit lock next commits every queued append as one
 * batch with one uidlist write, one directory flush and one log flush. A part of {@link MailboxState}.
 *
 * <p>A message is acknowledged only after its file is flushed and renamed into cur/, and both the
 * directory and the change log recording its UID are flushed.
 */
final class GroupCommit {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final MailboxState state;
    private final ConcurrentLinkedQueue<PendingAppend> pending = new ConcurrentLinkedQueue<>();

    GroupCommit(MailboxState state) {
        this.state = state;
    }

    private static final class PendingAppend {
        final List<StagedMessage> messages;
        final Thread thread = Thread.currentThread();
        volatile boolean done;
        long[] uids;
        RuntimeException failure;

        PendingAppend(List<StagedMessage> messages) {
            this.messages = messages;
        }
    }

    AppendResult append(List<NewMessage> messages, AccountPolicy policy) {
        state.checkAlive();
        List<StagedMessage> staged = new ArrayList<>(messages.size());
        Path tmp = state.dir().resolve("tmp");
        try {
            long bytes = 0;
            for (NewMessage m : messages) {
                // its flush starts at once, overlapping other appends and the commit in progress
                StagedMessage s = StagedMessage.write(tmp, m, state.store().config().maxMessageSize(), state.store().fsyncExecutor(),
                        state.fsync());
                staged.add(s);
                bytes += s.crlfSize();
            }
            try (QuotaTracker.Reservation r = state.account().reserve(policy, bytes, staged.size())) {
                PendingAppend p = new PendingAppend(staged);
                pending.add(p);
                awaitCommit(p);
                if (p.failure != null) {
                    throw p.failure;
                }
                state.notifyListeners();
                state.store().metrics().appended(staged.size());
                return new AppendResult(state.uidValidity(), p.uids);
            }
        } finally {
            for (StagedMessage s : staged) {
                if (s.channel().isOpen() || Files.exists(s.tmpFile(), LinkOption.NOFOLLOW_LINKS)) {
                    s.discard();
                }
            }
        }
    }

    /**
     * Group commit: whoever gets the commit lock commits everything queued, then wakes the next waiter to lead
     * the following batch; the others sleep until their append is done (they never queue on the lock, so a
     * finished append returns at once instead of waiting its turn behind the next batch).
     */
    private void awaitCommit(PendingAppend p) {
        while (!p.done) {
            if (state.commitLock.tryLock()) {
                try {
                    commitAppends();
                } finally {
                    state.commitLock.unlock();
                }
                PendingAppend next = pending.peek();
                if (next != null) {
                    LockSupport.unpark(next.thread);
                }
            } else {
                LockSupport.parkNanos(this, 2_000_000);
            }
        }
    }

    /** Commits every queued append as one batch. Caller holds state.commitLock. */
    private void commitAppends() {
        List<PendingAppend> batch = new ArrayList<>();
        PendingAppend p;
        while ((p = pending.poll()) != null) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<Path> placed = new ArrayList<>();
        try {
            state.checkAlive();
            awaitFlushes(batch);
            try (DotLock.Held lock = DotLock.acquire(state.dir(), state.store().config().lockTimeout())) {
                state.refreshUidlist();
                long beforeCur = MaildirFiles.mtime(state.dir().resolve("cur"));
                int total = 0;
                for (PendingAppend a : batch) {
                    total += a.messages.size();
                }
                long modSeq;
                long uid;
                synchronized (state) {
                    modSeq = state.header().highestModSeq + 1;
                    uid = state.header().uidNext;
                }
                if (uid + total > UidSet.MAX_UID) {
                    throw new StoreException(StoreException.Reason.LIMIT, "mailbox has used up its UIDs");
                }
                long now = Instant.now().getEpochSecond();
                Change.Appended change = new Change.Appended(modSeq, new int[total], new int[total], new int[total],
                        new long[total], new long[total], new String[total], new String[total]);
                StringBuilder lines = new StringBuilder(total * 64);
                Path cur = state.dir().resolve("cur");
                int k = 0;
                for (PendingAppend a : batch) {
                    a.uids = new long[a.messages.size()];
                    for (int m = 0; m < a.messages.size(); m++) {
                        StagedMessage s = a.messages.get(m);
                        int bits = state.toBits(s.flags(), true);
                        String base = MaildirFilename.newBase(s.fileSize(), s.crlfSize());
                        String fileName = MaildirFilename.curName(base, bits);
                        Path target = cur.resolve(fileName);
                        state.expect(fileName, null);
                        MaildirFiles.rename(s.tmpFile(), target);
                        placed.add(target);
                        a.uids[m] = uid;
                        change.uids()[k] = (int) uid;
                        change.flags()[k] = bits;
                        change.vsizes()[k] = (int) s.crlfSize();
                        change.internalDates()[k] = s.internalDate();
                        change.saveDates()[k] = now;
                        change.fileNames()[k] = fileName;
                        change.exts()[k] = "";
                        lines.append(UidList.line(uid, "", base));
                        uid++;
                        k++;
                    }
                }
                state.writeUidlistLines(lines, total, uid);
                state.commitDurably(List.of(change, state.headerChange(false)), cur);
                state.trackCurMtime(beforeCur);
            }
            for (PendingAppend a : batch) {
                a.done = true;
                LockSupport.unpark(a.thread);
            }
        } catch (IOException | RuntimeException e) {
            for (Path f : placed) {
                StagedMessage.deleteQuietly(f);
            }
            RuntimeException failure = e instanceof StoreException se ? se
                    : new StoreException(StoreException.Reason.TEMPORARY, "cannot store the message", e);
            for (PendingAppend a : batch) {
                a.failure = failure;
                a.done = true;
                LockSupport.unpark(a.thread);
            }
            if (!(e instanceof StoreException)) {
                LOG.warn("mailbox {}: append failed: {}", state.name(), e.toString());
            }
            return;
        }
        state.maybeCheckpointLocked();
    }

    /** Waits until the files of a batch are durable; they must be before their renames into cur/ are. */
    private static void awaitFlushes(List<PendingAppend> batch) throws IOException {
        IOException failure = null;
        for (PendingAppend a : batch) {
            for (StagedMessage s : a.messages) {
                try {
                    s.awaitFlush();
                } catch (IOException e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
