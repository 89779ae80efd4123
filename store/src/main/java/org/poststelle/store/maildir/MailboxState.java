package org.poststelle.store.maildir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.AppendResult;
import org.poststelle.store.model.FlagOp;
import org.poststelle.store.model.FlagUpdate;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.MailboxStatus;
import org.poststelle.store.model.MessageMeta;
import org.poststelle.store.model.NewMessage;
import org.poststelle.store.model.UidSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Maildir folder as this process knows it, shared by every open handle on it: the in-memory index, the
 * change log, UID assignment and the listeners. There is exactly one per folder per process
 * ({@link AccountStore} makes sure), so all sessions see the same state and hear of every change at once.
 * Its parts: {@link GroupCommit} (appends), {@link FlagRenames} (file names catching up with flags),
 * {@link DiskSync} (other programs' changes), {@link Transfer} (copy and move), {@link IndexRebuild}.
 *
 * <p>Locking: {@code commitLock} serializes everything that writes (files, uidlist, log); it is held across
 * fsyncs. The object's monitor guards the in-memory index for short reads and for applying a change, so
 * readers never wait for a disk flush. Every change goes through {@link #apply}, live and when the log is
 * replayed after a restart.
 *
 * <p>Crash safety: a change is acknowledged only after the change log recording it is flushed (and, for new
 * files, the files and cur/). After a crash, files in cur/ that no record mentions are found by the scan at
 * open and get fresh UIDs; UIDs in the log or uidlist are never given out again.
 */
final class MailboxState {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxState.class);
    private static final AtomicLong SERIALS = new AtomicLong();
    static final String INDEX_LOCK = "poststelle.lock";
    private static final Fsync NO_FSYNC = new Fsync(false);

    final long serial = SERIALS.incrementAndGet();
    final ReentrantLock commitLock = new ReentrantLock();
    private final AccountStore account;
    private final MaildirMailStore store;
    private final Fsync fsync;
    private volatile Path dir;
    private volatile MailboxName name;
    private volatile String usageKey;

    // guarded by this
    private MessageIndex index;
    private IndexFile.Header header;
    private ExpungeHistory history;
    private Keywords keywords;
    private final Map<Integer, Flags> flagsCache = new HashMap<>();
    private long version;
    private MailboxSnapshot snapshot;
    private long snapshotVersion = -1;
    private volatile boolean deleted;

    // guarded by commitLock
    private ChangeLog log;
    private final Map<String, UidList.Entry> externalUids = new HashMap<>();
    private FileChannel indexLockChannel;

    // guarded by AccountStore
    int refs;

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final GroupCommit appends = new GroupCommit(this);
    private final FlagRenames renames = new FlagRenames(this);
    private final DiskSync disk = new DiskSync(this);
    private QuotaTracker.FolderUsage usage;

    private MailboxState(AccountStore account, MailboxName name, Path dir, String usageKey) {
        this.account = account;
        this.store = account.store();
        this.fsync = store.fsync();
        this.name = name;
        this.dir = dir;
        this.usageKey = usageKey;
    }

    // ------------------------------------------------------------------ opening

    static MailboxState open(AccountStore account, MailboxName name, Path dir, String usageKey) {
        MailboxState s = new MailboxState(account, name, dir, usageKey);
        try {
            s.load();
        } catch (IOException | RuntimeException e) {
            s.abandon();
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new StoreException(StoreException.Reason.TEMPORARY, "cannot open mailbox " + name, e);
        }
        return s;
    }

    private void load() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "mailbox does not exist: " + name);
        }
        for (String sub : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        lockIndex();
        MaildirFiles.cleanTmp(dir);
        commitLock.lock();
        try {
            keywords = Keywords.read(dir);
            IndexFile.Loaded loaded = IndexFile.read(dir);
            UidList.Contents uidlist = null;
            if (loaded != null) {
                UidList.Fingerprint fp = UidList.fingerprint(dir);
                if (!fp.encode().equals(loaded.header().uidlistFingerprint) && fp.size() >= 0
                        && !fp.sameFile(UidList.Fingerprint.decode(loaded.header().uidlistFingerprint))) {
                    uidlist = UidList.read(dir);
                    if (uidlist != null && uidlist.valid && uidlist.uidValidity != loaded.header().uidValidity) {
                        LOG.info("mailbox {}: dovecot-uidlist has a new UIDVALIDITY; rebuilding the index", name);
                        loaded = null;
                    }
                }
            }
            if (loaded != null) {
                synchronized (this) {
                    index = loaded.index();
                    header = loaded.header();
                    history = loaded.history().withCapacity(store.config().expungeHistory(), header.expungeFloor);
                }
                log = ChangeLog.open(dir, header.generation, fsync, this::replay);
            } else {
                rebuild(uidlist == null ? UidList.read(dir) : uidlist);
            }
            usage = account.quota().folder(usageKey, k -> new long[4]);
            usage.set(index.size(), index.totalSize());
            boolean cleanlyClosed;
            synchronized (this) {
                cleanlyClosed = header.curMtime >= 0;
            }
            disk.syncWithDisk(true);
            if (!cleanlyClosed) {
                // a crash may have left flag renames undone (a clean close does them all)
                renames.queueStale();
            }
        } finally {
            commitLock.unlock();
        }
    }

    /**
     * Takes the OS lock that keeps a second server process from loading this folder's index at the same time
     * (the index and log have one writer). Released by the OS when the process dies, so a crash never leaves
     * it behind. Other Maildir programs are not affected: they coordinate through the uidlist dot lock.
     */
    private void lockIndex() throws IOException {
        FileChannel ch = FileChannel.open(dir.resolve(INDEX_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + store.config().lockTimeout().toNanos();
        try {
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (java.nio.channels.OverlappingFileLockException e) {
                    l = null;
                }
                if (l != null) {
                    indexLockChannel = ch;
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new StoreException(StoreException.Reason.TEMPORARY,
                            "mailbox " + name + " is in use by another server process");
                }
                LockSupport.parkNanos(20_000_000);
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Releases what a failed load took. */
    private void abandon() {
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                // nothing more to do
            }
            log = null;
        }
        unlockIndex();
    }

    private void unlockIndex() {
        if (indexLockChannel != null) {
            try {
                indexLockChannel.close();
            } catch (IOException e) {
                // the OS drops the lock with the descriptor
            }
            indexLockChannel = null;
        }
    }

    /** Applies a replayed log record; any change after the last header makes cur/'s recorded mtime unknown. */
    private void replay(Change c) {
        synchronized (this) {
            apply(c);
            if (!(c instanceof Change.Header)) {
                header.curMtime = -1;
            }
        }
    }

    /**
     * Builds the index from the files ({@link IndexRebuild}), installs it, and writes the uidlist, a
     * checkpoint and an empty log for it.
     */
    private void rebuild(UidList.Contents uidlist) throws IOException {
        LOG.info("mailbox {}: building the index from the Maildir files", name);
        store.metrics().rebuilt();
        IndexRebuild.Result r = IndexRebuild.build(dir, uidlist, store.nextUidValidity(), n -> expect(n, null));
        synchronized (this) {
            index = r.index();
            header = r.header();
            history = new ExpungeHistory(store.config().expungeHistory(), header.expungeFloor);
            version++;
        }
        try (DotLock.Held lock = DotLock.acquire(dir, store.config().lockTimeout())) {
            rewriteUidlist();
        }
        writeCheckpoint();
        log = ChangeLog.create(dir, header.generation, fsync);
    }

    // ------------------------------------------------------------------ reading

    MailboxName name() {
        return name;
    }

    AccountStore account() {
        return account;
    }

    Path dir() {
        return dir;
    }

    String usageKey() {
        return usageKey;
    }

    MaildirMailStore store() {
        return store;
    }

    /** The index; the caller holds this object's monitor. */
    MessageIndex index() {
        return index;
    }

    /** The header values; the caller holds this object's monitor. */
    IndexFile.Header header() {
        return header;
    }

    /** Whether a file of this base name is indexed, or has a UID another program gave it. */
    synchronized boolean knowsBase(String base) {
        return index.findBase(base) >= 0 || externalUids.containsKey(base);
    }

    boolean isDeleted() {
        return deleted;
    }

    synchronized MailboxSnapshot snapshot() {
        if (deleted) {
            return MailboxSnapshot.empty(header.guid, header.uidValidity, header.uidNext, header.highestModSeq);
        }
        if (snapshotVersion == version && snapshot != null) {
            return snapshot;
        }
        int n = index.size();
        int[] uids = Arrays.copyOf(index.uidArray(), n);
        long[] modSeqs = Arrays.copyOf(index.modSeqArray(), n);
        Flags[] flags = new Flags[n];
        int[] bits = index.flagArray();
        for (int i = 0; i < n; i++) {
            flags[i] = toFlags(bits[i]);
        }
        snapshot = new MailboxSnapshot(header.guid, header.uidValidity, header.uidNext, header.highestModSeq, uids,
                flags, modSeqs);
        snapshotVersion = version;
        return snapshot;
    }

    synchronized MailboxStatus status() {
        long unseen = 0;
        long deletedCount = 0;
        int[] bits = index.flagArray();
        int n = index.size();
        for (int i = 0; i < n; i++) {
            if ((bits[i] & Flags.SEEN) == 0) {
                unseen++;
            }
            if ((bits[i] & Flags.DELETED) != 0) {
                deletedCount++;
            }
        }
        long recent = n - index.ceiling(header.firstRecentUid);
        return new MailboxStatus(n, recent, header.uidNext, header.uidValidity, unseen, deletedCount,
                index.totalSize(), header.highestModSeq, header.guid);
    }

    synchronized long uidValidity() {
        return header.uidValidity;
    }

    synchronized String guid() {
        return header.guid;
    }

    /** Calls {@code each} for the existing messages among {@code uids}, outside the lock, in chunks. */
    void meta(UidSet uids, Consumer<MessageMeta> each) {
        for (int r = 0; r < uids.rangeCount(); r++) {
            long from = uids.rangeStart(r);
            long to = uids.rangeEnd(r);
            while (from <= to) {
                List<MessageMeta> chunk = new ArrayList<>(256);
                synchronized (this) {
                    int i = index.ceiling(from);
                    while (i < index.size() && index.uid(i) <= to && chunk.size() < 256) {
                        chunk.add(metaAt(i));
                        i++;
                    }
                    from = i < index.size() ? index.uid(i) : to + 1;
                }
                if (chunk.isEmpty()) {
                    break;
                }
                chunk.forEach(each);
            }
        }
    }

    private MessageMeta metaAt(int i) {
        String ext = index.ext(i);
        String guid = null;
        String uidl = null;
        if (!ext.isEmpty()) {
            guid = index.extField(i, 'G');
            uidl = index.extField(i, 'P');
        }
        long retrieved = index.retrieved(i);
        return new MessageMeta(index.uid(i), index.vsize(i), Instant.ofEpochSecond(index.internalDate(i)),
                Instant.ofEpochSecond(index.saveDate(i)), toFlags(index.flags(i)), index.modSeq(i),
                Ids.emailId(guid, index.basename(i)), uidl, retrieved == 0 ? null : Instant.ofEpochSecond(retrieved));
    }

    /** The content of a message, or MESSAGE_GONE. */
    MaildirContent content(long uid) {
        long size;
        ContentCache.Key key;
        synchronized (this) {
            int i = deleted ? -1 : index.indexOf(uid);
            if (i < 0) {
                throw new StoreException(StoreException.Reason.MESSAGE_GONE, "message " + uid + " was expunged");
            }
            size = index.vsize(i);
            key = new ContentCache.Key(header.guid, header.uidValidity, uid);
        }
        return new MaildirContent(this, uid, size, store.contentCache(), key);
    }

    /** The current path of a message's file, or null when it is gone. */
    synchronized Path currentFile(long uid) {
        int i = deleted ? -1 : index.indexOf(uid);
        return i < 0 ? null : dir.resolve("cur").resolve(index.fileName(i));
    }

    /** A reader found a message's file missing: another program renamed or removed it. */
    void fileMissing(long uid, Path tried) {
        commitLock.lock();
        try {
            synchronized (this) {
                if (log == null || deleted || !tried.equals(currentFile(uid))) {
                    return; // we renamed it ourselves meanwhile; the caller retries with the new name
                }
            }
            disk.wantFullScan();
            disk.syncWithDisk(false);
        } catch (IOException e) {
            LOG.warn("mailbox {}: rescan failed: {}", name, e.toString());
        } finally {
            commitLock.unlock();
        }
        notifyListeners();
    }

    UidSet expungedSince(long modSeq) {
        synchronized (this) {
            if (modSeq >= header.highestModSeq) {
                return UidSet.empty();
            }
            return history.since(modSeq);
        }
    }

    // ------------------------------------------------------------------ flags <-> bits

    Flags toFlags(int bits) {
        Flags f = flagsCache.get(bits);
        if (f == null) {
            List<String> kws = new ArrayList<>();
            for (int k = 0; k < MaildirFilename.MAX_KEYWORDS; k++) {
                if ((bits & (1 << (MaildirFilename.KEYWORD_SHIFT + k))) != 0 && keywords.name(k) != null) {
                    kws.add(keywords.name(k));
                }
            }
            f = Flags.of(bits & Flags.ALL_SYSTEM, kws);
            if (flagsCache.size() > 4096) {
                flagsCache.clear();
            }
            flagsCache.put(bits, f);
        }
        return f;
    }

    /**
     * The bits of flags; with {@code allocate}, unknown keywords get an index (dovecot-keywords is written).
     * Keywords that cannot be stored are ignored; LIMIT when the mailbox has no room for another keyword.
     */
    int toBits(Flags flags, boolean allocate) throws IOException {
        int bits = flags.systemBits();
        boolean added = false;
        for (String kw : flags.keywords()) {
            if (!Keywords.isValidKeyword(kw)) {
                continue;
            }
            int k = keywords.indexOf(kw);
            if (k < 0 && allocate && !added) {
                // another program (Dovecot) may have added keywords since: never hand out its letters twice
                reloadKeywordsIfChanged();
                k = keywords.indexOf(kw);
            }
            if (k < 0 && allocate) {
                k = keywords.add(kw);
                if (k < 0) {
                    throw new StoreException(StoreException.Reason.LIMIT,
                            "too many keywords in this mailbox (at most " + MaildirFilename.MAX_KEYWORDS + ")");
                }
                added = true;
            }
            if (k >= 0) {
                bits |= 1 << (MaildirFilename.KEYWORD_SHIFT + k);
            }
        }
        if (added) {
            keywords.write(dir, fsync);
        }
        return bits;
    }

    // ------------------------------------------------------------------ applying changes

    /** Applies a change to memory (live or replayed). Caller holds the monitor. */
    private void apply(Change c) {
        if (c instanceof Change.Appended a) {
            for (int i = 0; i < a.uids().length; i++) {
                long uid = a.uids()[i] & 0xFFFF_FFFFL;
                if (index.indexOf(uid) >= 0) {
                    continue;
                }
                index.add(uid, a.flags()[i], a.vsizes()[i], a.internalDates()[i], a.saveDates()[i], 0, a.modSeq(),
                        a.fileNames()[i], a.exts()[i]);
                header.uidNext = Math.max(header.uidNext, uid + 1);
            }
            header.highestModSeq = Math.max(header.highestModSeq, a.modSeq());
        } else if (c instanceof Change.FlagsSet f) {
            for (int k = 0; k < f.uids().length; k++) {
                int i = index.indexOf(f.uids()[k] & 0xFFFF_FFFFL);
                if (i >= 0) {
                    index.setFlags(i, f.flags()[k], f.modSeq() == 0 ? index.modSeq(i) : f.modSeq());
                    String fn = f.fileNames()[k];
                    if (!fn.isEmpty() && !index.fileName(i).equals(fn)) {
                        index.setFileName(i, fn);
                    }
                }
            }
            header.highestModSeq = Math.max(header.highestModSeq, f.modSeq());
        } else if (c instanceof Change.Expunged x) {
            int[] positions = new int[x.uids().length];
            int n = 0;
            long[] sorted = new long[x.uids().length];
            for (int k = 0; k < sorted.length; k++) {
                sorted[k] = x.uids()[k] & 0xFFFF_FFFFL;
            }
            Arrays.sort(sorted);
            for (long uid : sorted) {
                int i = index.indexOf(uid);
                if (i >= 0) {
                    positions[n++] = i;
                }
                history.add(x.modSeq(), uid);
            }
            index.removePositions(positions, n);
            header.highestModSeq = Math.max(header.highestModSeq, x.modSeq());
        } else if (c instanceof Change.Retrieved r) {
            for (int u : r.uids()) {
                int i = index.indexOf(u & 0xFFFF_FFFFL);
                if (i >= 0 && index.retrieved(i) == 0) {
                    index.setRetrieved(i, r.at());
                }
            }
        } else if (c instanceof Change.Header h) {
            header.uidNext = Math.max(header.uidNext, h.uidNext());
            header.firstRecentUid = h.firstRecentUid();
            header.uidlistFingerprint = h.uidlistFingerprint();
            header.uidlistOffset = h.uidlistOffset();
            header.uidlistLines = h.uidlistLines();
            header.curMtime = h.curMtime();
        }
        version++;
    }

    /** Makes changes durable in the log and applies them; caller holds commitLock. */
    void commit(List<Change> changes, boolean sync) throws IOException {
        commit(changes, sync, false);
    }

    private void commit(List<Change> changes, boolean sync, boolean alreadyLogged) throws IOException {
        if (!alreadyLogged) {
            log.append(changes);
        }
        if (sync) {
            log.sync();
        }
        synchronized (this) {
            for (Change c : changes) {
                apply(c);
            }
        }
        if (usage != null) {
            synchronized (this) {
                usage.set(index.size(), index.totalSize());
            }
        }
    }

    /**
     * Like {@link #commit} with a flush, and also flushes directories whose entries the changes rely on
     * (renames into cur/, unlinks). The directory flushes run in parallel with the log flush, so a batch
     * costs about one journal commit rather than one per file.
     */
    void commitDurably(List<Change> changes, Path... dirs) throws IOException {
        List<java.util.concurrent.Future<?>> flushes = new ArrayList<>(dirs.length);
        if (fsync.enabled()) {
            for (Path d : dirs) {
                flushes.add(store.fsyncExecutor().submit(() -> {
                    fsync.directory(d);
                    return null;
                }));
            }
        }
        log.append(changes);
        log.sync();
        for (java.util.concurrent.Future<?> f : flushes) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while flushing", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
        commit(changes, false, true);
    }

    Change.Header headerChange(boolean clean) {
        synchronized (this) {
            return new Change.Header(header.uidNext, header.firstRecentUid, header.uidlistFingerprint,
                    header.uidlistOffset, header.uidlistLines, header.curMtime, clean);
        }
    }

    // ------------------------------------------------------------------ listeners

    void addListener(Runnable hint) {
        listeners.add(hint);
    }

    void removeListener(Runnable hint) {
        listeners.remove(hint);
    }

    void notifyListeners() {
        for (Runnable r : listeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("mailbox change listener failed", e);
            }
        }
    }

    // ------------------------------------------------------------------ append

    AppendResult append(List<NewMessage> messages, AccountPolicy policy) {
        return appends.append(messages, policy);
    }

    Fsync fsync() {
        return fsync;
    }

    /** Appends uidlist lines for new UIDs (creating the file when missing) and records the new fingerprint. */
    void writeUidlistLines(CharSequence lines, int count, long nextUid) throws IOException {
        UidList.Fingerprint fp = UidList.fingerprint(dir);
        synchronized (this) {
            header.uidNext = Math.max(header.uidNext, nextUid);
        }
        if (fp.size() < 0) {
            rewriteUidlist(); // lost: recreate from the index, then add the new lines
        }
        // not flushed here: the change log is the durable record, and the uidlist is repaired from it
        UidList.Fingerprint after = UidList.append(dir, lines, NO_FSYNC);
        synchronized (this) {
            header.uidlistFingerprint = after.encode();
            header.uidlistOffset = after.size();
            header.uidlistLines += count;
        }
    }

    /**
     * Writes dovecot-uidlist anew from the index (plus UIDs other programs gave to files not seen yet).
     * Caller holds commitLock and the dot lock.
     */
    void rewriteUidlist() throws IOException {
        StringBuilder sb = new StringBuilder();
        int lines = 0;
        synchronized (this) {
            sb.append(UidList.header(header.uidValidity, header.uidNext, header.guid, ""));
            List<UidList.Entry> extra = new ArrayList<>(externalUids.values());
            extra.sort((a, b) -> Long.compare(a.uid(), b.uid()));
            int e = 0;
            for (int i = 0; i < index.size(); i++) {
                long uid = index.uid(i);
                while (e < extra.size() && extra.get(e).uid() < uid) {
                    UidList.Entry x = extra.get(e++);
                    sb.append(UidList.line(x.uid(), x.ext(), x.basename()));
                    lines++;
                }
                sb.append(UidList.line(uid, index.ext(i), index.basename(i)));
                lines++;
            }
            while (e < extra.size()) {
                UidList.Entry x = extra.get(e++);
                sb.append(UidList.line(x.uid(), x.ext(), x.basename()));
                lines++;
            }
        }
        UidList.Fingerprint fp = UidList.rewrite(dir, sb, fsync);
        synchronized (this) {
            header.uidlistFingerprint = fp.encode();
            header.uidlistOffset = fp.size();
            header.uidlistLines = lines;
        }
    }

    /**
     * Picks up what other programs (Dovecot, dovecot-lda) wrote to dovecot-uidlist since we last looked: UIDs
     * they gave to files we have not indexed yet. Caller holds commitLock and the dot lock.
     */
    void refreshUidlist() throws IOException {
        UidList.Fingerprint fp = UidList.fingerprint(dir);
        String recorded;
        long offset;
        synchronized (this) {
            recorded = header.uidlistFingerprint;
            offset = header.uidlistOffset;
        }
        if (fp.encode().equals(recorded)) {
            return;
        }
        if (fp.size() < 0) {
            rewriteUidlist(); // deleted behind our back: the index knows every UID
            return;
        }
        UidList.Fingerprint old = UidList.Fingerprint.decode(recorded);
        boolean grown = fp.sameFile(old) && fp.size() > offset && offset > 0;
        UidList.Contents c = UidList.read(dir, grown ? offset : 0);
        if (c == null || !c.valid) {
            rewriteUidlist();
            return;
        }
        if (!grown && c.uidValidity != uidValidity()) {
            LOG.warn("mailbox {}: another program changed UIDVALIDITY in dovecot-uidlist; keeping ours", name);
            rewriteUidlist();
            return;
        }
        long maxUid = 0;
        int ours = 0;
        synchronized (this) {
            for (UidList.Entry e : c.entries) {
                maxUid = Math.max(maxUid, e.uid());
                if (index.indexOf(e.uid()) >= 0) {
                    ours++;
                } else if (e.uid() >= header.uidNext) {
                    externalUids.put(e.basename(), e); // another program's UID for a file we will see
                }
                // else: an old line of a message expunged here
            }
            header.uidNext = Math.max(header.uidNext, Math.max(maxUid + 1, grown ? 0 : c.nextUid));
            header.uidlistFingerprint = c.fingerprint.encode();
            header.uidlistOffset = c.endOffset;
            header.uidlistLines = grown ? header.uidlistLines + c.entries.size() : c.entries.size();
        }
        if (!grown && ours < messageCount()) {
            // lines of ours are missing (the uidlist is not flushed on its own; after an OS crash the log
            // knows more): write it anew so Dovecot sees every UID
            rewriteUidlist();
        }
        if (!externalUids.isEmpty()) {
            disk.uidsFromOtherPrograms(!grown);
        }
    }


    /**
     * After our own change in cur/: its new mtime is the known one if cur/ had not changed behind our back
     * before, or if the folder is watched (then other programs' changes arrive as events of their own).
     */
    void trackCurMtime(long before) {
        long after = MaildirFiles.mtime(dir.resolve("cur"));
        synchronized (this) {
            if (disk.watched() || before == header.curMtime && before >= 0) {
                header.curMtime = after;
            } else {
                header.curMtime = -1;
            }
        }
    }

    // ------------------------------------------------------------------ flags

    /**
     * Changes flags. The change is durable once the log is flushed, and the index is the truth from then on;
     * the files are renamed to show the new flags right after, by {@link #flushRenames()} (write-behind), so
     * a large STORE costs one log flush instead of a rename per message in the caller's time.
     */
    FlagUpdate updateFlags(UidSet uids, FlagOp op, Flags flags, long unchangedSince) {
        checkAlive();
        FlagUpdate result;
        boolean changed;
        commitLock.lock();
        try {
            checkAlive();
            int opBits = toBits(flags, op != FlagOp.REMOVE);
            int keep = ~knownKeywordMask() & ~Flags.ALL_SYSTEM;
            UidSet.Builder failed = new UidSet.Builder();
            int[] writtenUids = new int[16];
            int[] writtenBits = new int[16];
            long[] writtenModSeqs = new long[16];
            int written = 0;
            int[] changedUids = new int[16];
            int[] changedBits = new int[16];
            String[] changedNames = new String[16];
            int changes = 0;
            long modSeq;
            synchronized (this) {
                modSeq = header.highestModSeq + 1;
                for (int r = 0; r < uids.rangeCount(); r++) {
                    int i = index.ceiling(uids.rangeStart(r));
                    for (; i < index.size() && index.uid(i) <= uids.rangeEnd(r); i++) {
                        if (unchangedSince >= 0 && index.modSeq(i) > unchangedSince) {
                            failed.add(index.uid(i));
                            continue;
                        }
                        int old = index.flags(i);
                        int bits = switch (op) {
                            case ADD -> old | opBits;
                            case REMOVE -> old & ~opBits;
                            case REPLACE -> opBits | (old & keep);
                        };
                        if (written == writtenUids.length) {
                            writtenUids = Arrays.copyOf(writtenUids, written * 2);
                            writtenBits = Arrays.copyOf(writtenBits, written * 2);
                            writtenModSeqs = Arrays.copyOf(writtenModSeqs, written * 2);
                        }
                        writtenUids[written] = (int) index.uid(i);
                        writtenBits[written] = bits;
                        writtenModSeqs[written] = bits == old ? index.modSeq(i) : modSeq;
                        written++;
                        if (bits != old) {
                            if (changes == changedUids.length) {
                                changedUids = Arrays.copyOf(changedUids, changes * 2);
                                changedBits = Arrays.copyOf(changedBits, changes * 2);
                                changedNames = Arrays.copyOf(changedNames, changes * 2);
                            }
                            changedUids[changes] = (int) index.uid(i);
                            changedBits[changes] = bits;
                            changedNames[changes] = ""; // the file keeps its name until renamed
                            changes++;
                        }
                    }
                }
            }
            if (changes > 0) {
                commit(List.of(new Change.FlagsSet(modSeq, Arrays.copyOf(changedUids, changes),
                        Arrays.copyOf(changedBits, changes), Arrays.copyOf(changedNames, changes))), true);
                renames.queue(changedUids, changes);
            }
            long[] outUids = new long[written];
            Flags[] outFlags = new Flags[written];
            synchronized (this) {
                for (int w = 0; w < written; w++) {
                    outUids[w] = writtenUids[w] & 0xFFFF_FFFFL;
                    outFlags[w] = toFlags(writtenBits[w]);
                }
                result = new FlagUpdate(outUids, outFlags, Arrays.copyOf(writtenModSeqs, written), failed.build(),
                        header.highestModSeq);
            }
            changed = changes > 0;
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.TEMPORARY, "cannot change flags", e);
        } finally {
            commitLock.unlock();
        }
        if (changed) {
            notifyListeners();
            maybeCheckpointLocked();
        }
        return result;
    }

    /** Writes a change to the log without flushing it (a later flush or a scan covers it). Caller holds commitLock. */
    void logUnflushed(Change change) throws IOException {
        log.append(change);
    }

    /** Bits of keywords that have a name (letters without one are kept as they are). */
    private int knownKeywordMask() {
        int mask = 0;
        for (int k = 0; k < MaildirFilename.MAX_KEYWORDS; k++) {
            if (keywords.name(k) != null) {
                mask |= 1 << (MaildirFilename.KEYWORD_SHIFT + k);
            }
        }
        return mask;
    }

    // ------------------------------------------------------------------ expunge

    UidSet expunge(UidSet uids) {
        checkAlive();
        UidSet removed;
        commitLock.lock();
        try {
            checkAlive();
            removed = expungeLocked(uids, true);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.TEMPORARY, "cannot expunge", e);
        } finally {
            commitLock.unlock();
        }
        if (!removed.isEmpty()) {
            notifyListeners();
            store.metrics().expunged(removed.size());
            maybeCheckpointLocked();
        }
        return removed;
    }

    /** Removes messages; with {@code deleteFiles} false their files are already gone (moved away). */
    UidSet expungeLocked(UidSet uids, boolean deleteFiles) throws IOException {
        List<Long> found = new ArrayList<>();
        List<String> files = new ArrayList<>();
        long bytes = 0;
        synchronized (this) {
            for (int r = 0; r < uids.rangeCount(); r++) {
                int i = index.ceiling(uids.rangeStart(r));
                while (i < index.size() && index.uid(i) <= uids.rangeEnd(r)) {
                    found.add(index.uid(i));
                    files.add(index.fileName(i));
                    bytes += index.vsize(i);
                    i++;
                }
            }
        }
        if (found.isEmpty()) {
            return UidSet.empty();
        }
        long beforeCur = MaildirFiles.mtime(dir.resolve("cur"));
        Path cur = dir.resolve("cur");
        if (deleteFiles) {
            for (String f : files) {
                expect(null, f);
                Files.deleteIfExists(cur.resolve(f));
            }
        }
        long modSeq;
        synchronized (this) {
            modSeq = header.highestModSeq + 1;
        }
        int[] u = new int[found.size()];
        for (int k = 0; k < u.length; k++) {
            u[k] = (int) (long) found.get(k);
        }
        commitDurably(List.of(new Change.Expunged(modSeq, bytes, u)), cur);
        trackCurMtime(beforeCur);
        maybeCompactUidlist();
        long[] out = new long[found.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = found.get(k);
        }
        return UidSet.of(out);
    }

    /** Rewrites dovecot-uidlist when a quarter or more of its lines name expunged messages. */
    private void maybeCompactUidlist() throws IOException {
        long stale;
        long lines;
        synchronized (this) {
            lines = header.uidlistLines;
            stale = lines - index.size() - externalUids.size();
        }
        if (stale > 64 && stale * 4 > lines) {
            try (DotLock.Held lock = DotLock.acquire(dir, store.config().lockTimeout())) {
                refreshUidlist();
                rewriteUidlist();
                commit(List.of(headerChange(false)), false);
            }
        }
    }

    // ------------------------------------------------------------------ recent, retrieval

    /** The \Recent UIDs; with {@code claim} they become this caller's and nobody else's. */
    UidSet recent(boolean claim) {
        commitLock.lock();
        try {
            UidSet result;
            synchronized (this) {
                UidSet.Builder b = new UidSet.Builder();
                for (int i = index.ceiling(header.firstRecentUid); i < index.size(); i++) {
                    b.add(index.uid(i));
                }
                result = b.build();
                if (!claim || header.firstRecentUid >= header.uidNext) {
                    return result;
                }
                header.firstRecentUid = header.uidNext;
            }
            try {
                commit(List.of(headerChange(false)), false);
            } catch (IOException e) {
                LOG.warn("mailbox {}: cannot record \\Recent: {}", name, e.toString());
            }
            return result;
        } finally {
            commitLock.unlock();
        }
    }

    void markRetrieved(UidSet uids) {
        commitLock.lock();
        try {
            List<Integer> fresh = new ArrayList<>();
            synchronized (this) {
                for (int r = 0; r < uids.rangeCount(); r++) {
                    int i = index.ceiling(uids.rangeStart(r));
                    while (i < index.size() && index.uid(i) <= uids.rangeEnd(r)) {
                        if (index.retrieved(i) == 0) {
                            fresh.add((int) index.uid(i));
                        }
                        i++;
                    }
                }
            }
            if (!fresh.isEmpty()) {
                int[] u = fresh.stream().mapToInt(Integer::intValue).toArray();
                commit(List.of(new Change.Retrieved(Instant.now().getEpochSecond(), u)), true);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.TEMPORARY, "cannot record retrieval", e);
        } finally {
            commitLock.unlock();
        }
    }

    // ------------------------------------------------------------------ other programs' changes

    /** Watch events, polling and scans for what other programs do to this folder. */
    DiskSync disk() {
        return disk;
    }

    /** Announces a file event in cur/ that we are about to cause (see {@link DiskSync#expect}). */
    void expect(String created, String deleted) {
        disk.expect(created, deleted);
    }

    /** A UID another program gave to a file of this base name (from dovecot-uidlist), or null. */
    UidList.Entry externalUid(String base) {
        return externalUids.get(base);
    }

    UidList.Entry takeExternalUid(String base) {
        return externalUids.remove(base);
    }

    /** Forgets other programs' UIDs for files that are gone. Caller holds commitLock. */
    void retainExternalUids(Set<String> presentBases) {
        externalUids.keySet().retainAll(presentBases);
    }

    boolean hasExternalUids() {
        return !externalUids.isEmpty();
    }

    /** Re-reads dovecot-keywords when another program changed it. Caller holds commitLock. */
    void reloadKeywordsIfChanged() throws IOException {
        if (keywords.reloadIfChanged(dir)) {
            synchronized (this) {
                flagsCache.clear();
                version++;
            }
        }
    }

    /** Whether the folder can take changes now (loaded, not deleted). Caller holds commitLock. */
    boolean isLive() {
        return !deleted && log != null;
    }

    // ------------------------------------------------------------------ checkpoints, lifecycle

    private final AtomicBoolean checkpointScheduled = new AtomicBoolean();

    /** Checks (in the background, off the caller's time) whether the log should become a checkpoint. */
    void maybeCheckpointLocked() {
        if (log == null || !checkpointScheduled.compareAndSet(false, true)) {
            return;
        }
        store.syncExecutor().execute(() -> {
            checkpointScheduled.set(false);
            commitLock.lock();
            try {
                if (log != null && !deleted) {
                    maybeCheckpoint();
                }
            } finally {
                commitLock.unlock();
            }
        });
    }

    /** Writes a checkpoint when the log has grown past a quarter of the index. Caller holds commitLock. */
    private void maybeCheckpoint() {
        long threshold;
        synchronized (this) {
            threshold = Math.max(256 * 1024, (long) index.size() * 24);
        }
        if (log != null && log.size() > threshold) {
            try {
                writeCheckpoint();
                log.reset(header.generation);
            } catch (IOException e) {
                LOG.warn("mailbox {}: cannot write the index checkpoint: {}", name, e.toString());
            }
        }
    }

    /** Writes the checkpoint of the next generation. Caller holds commitLock. */
    private void writeCheckpoint() throws IOException {
        synchronized (this) {
            header.generation++;
            header.expungeFloor = history.floor();
            IndexFile.write(dir, header, index, history, fsync);
        }
    }

    /** Called when the last handle closes: records a clean state so the next open needs no rescan. */
    void close() {
        commitLock.lock();
        try {
            if (deleted || log == null) {
                return;
            }
            renames.finish();
            synchronized (this) {
                if (header.curMtime != MaildirFiles.mtime(dir.resolve("cur"))) {
                    header.curMtime = -1;
                }
            }
            if (!log.isEmpty()) {
                if (log.size() > 64 * 1024) {
                    writeCheckpoint();
                    log.reset(header.generation);
                } else {
                    log.append(headerChange(true));
                    log.sync();
                }
            }
            log.close();
            log = null;
        } catch (IOException e) {
            LOG.warn("mailbox {}: cannot close the index cleanly: {}", name, e.toString());
        } finally {
            unlockIndex();
            commitLock.unlock();
        }
    }

    /**
     * Taken from the idle cache again. The folder stayed watched while idle, but the events of a delivery
     * made just now may still be on their way (and watching may have failed): one check against the disk
     * makes sure the session sees everything already there.
     */
    void resume() {
        boolean changed;
        commitLock.lock();
        try {
            if (deleted || log == null) {
                return;
            }
            changed = disk.syncWithDisk(true);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.TEMPORARY, "cannot open mailbox " + name, e);
        } finally {
            commitLock.unlock();
        }
        if (changed) {
            notifyListeners();
        }
    }

    /** The folder was deleted: handles see an empty mailbox and writes fail. */
    void markDeleted() {
        commitLock.lock();
        try {
            deleted = true;
            if (log != null) {
                try {
                    log.close();
                } catch (IOException e) {
                    // the file is being deleted anyway
                }
                log = null;
            }
            unlockIndex();
            synchronized (this) {
                version++;
            }
        } finally {
            commitLock.unlock();
        }
        notifyListeners();
    }

    /** The folder was renamed (caller holds commitLock). */
    void relocate(MailboxName newName, Path newDir, String newUsageKey) {
        this.name = newName;
        this.dir = newDir;
        this.usageKey = newUsageKey;
    }

    void checkAlive() {
        if (deleted) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "mailbox was deleted: " + name);
        }
    }

    synchronized long residentBytes() {
        return index.residentBytes();
    }

    synchronized int messageCount() {
        return index.size();
    }
}
