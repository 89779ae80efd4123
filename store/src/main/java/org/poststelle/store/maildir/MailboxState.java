package org.poststelle.store.maildir;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.AppendResult;
import org.poststelle.store.model.CopyResult;
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
 *
 * <p>Locking: {@code commitLock} serializes everything that writes (files, uidlist, log); it is held across
 * fsyncs. The object's monitor guards the in-memory index for short reads and for applying a change, so
 * readers never wait for a disk flush. Appends are group-committed: each caller writes and flushes its
 * file in tmp/ in parallel, queues it, and whoever gets the commit lock next commits every queued append
 * with one directory flush, one uidlist write and one log flush.
 *
 * <p>Crash safety: a message is acknowledged only after its file is in cur/ and both dovecot-uidlist and the
 * change log (flushed) record its UID. After a crash, files in cur/ that no record mentions are found by
 * the scan at open and get fresh UIDs; UIDs in the log or uidlist are never given out again.
 */
final class MailboxState {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxState.class);
    private static final AtomicLong SERIALS = new AtomicLong();
    private static final int MAX_PENDING_EVENTS = 20_000;
    static final String INDEX_LOCK = "poststelle.lock";
    private static final Fsync NO_FSYNC = new Fsync(false);
    private static final boolean DBG = Boolean.getBoolean("poststelle.debugBatches");
    private static final boolean FLUSH_BY_APPENDER = !Boolean.getBoolean("poststelle.flushInBatch");
    private static final AtomicLong DBG_N = new AtomicLong();
    private static final AtomicLong DBG_B = new AtomicLong();
    private static final AtomicLong DBG_T = new AtomicLong();

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
    private boolean fullScanWanted;

    // guarded by AccountStore
    int refs;

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<PendingAppend> pending = new ConcurrentLinkedQueue<>();
    private QuotaTracker.FolderUsage usage;

    // watch events, guarded by watchMutex
    private final Object watchMutex = new Object();
    private Set<String> curCreated = new HashSet<>();
    private Set<String> curDeleted = new HashSet<>();
    private boolean newDirty;
    private boolean overflow;
    private volatile boolean watched;
    private final Set<String> expectCreate = new HashSet<>();
    private final Set<String> expectDelete = new HashSet<>();
    private final AtomicBoolean syncScheduled = new AtomicBoolean();

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
        cleanTmp();
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
            usage = account.quota().folder(usageKey, k -> new long[2]);
            usage.set(index.size(), index.totalSize());
            boolean cleanlyClosed;
            synchronized (this) {
                cleanlyClosed = header.curMtime >= 0;
            }
            syncWithDisk(true);
            if (!cleanlyClosed) {
                // a crash may have left flag renames undone (a clean close does them all)
                queueStaleNames();
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
     * Builds the index from the files, keeping UIDs (and UIDVALIDITY) from dovecot-uidlist where it has
     * them. Modseqs restart above any value given out before (the current time in milliseconds), so
     * CONDSTORE clients resynchronize instead of missing changes.
     */
    private void rebuild(UidList.Contents uidlist) throws IOException {
        LOG.info("mailbox {}: building the index from the Maildir files", name);
        IndexFile.Header h = new IndexFile.Header();
        Map<String, UidList.Entry> known = new HashMap<>();
        long maxListed = 0;
        if (uidlist != null && uidlist.valid) {
            h.uidValidity = uidlist.uidValidity;
            h.uidNext = uidlist.nextUid;
            h.guid = uidlist.guid != null && Ids.isObjectId(uidlist.guid) ? uidlist.guid : Ids.newGuid();
            for (UidList.Entry e : uidlist.entries) {
                known.put(e.basename(), e);
                maxListed = Math.max(maxListed, e.uid());
            }
        } else {
            h.uidValidity = store.nextUidValidity();
            h.uidNext = 1;
            h.guid = Ids.newGuid();
        }
        h.uidNext = Math.max(h.uidNext, maxListed + 1);
        List<FoundFile> files = new ArrayList<>();
        long curMtime = mtime(dir.resolve("cur"));
        listFiles(dir.resolve("cur"), false, files);
        listFiles(dir.resolve("new"), true, files);
        List<FoundFile> listed = new ArrayList<>();
        List<FoundFile> unlisted = new ArrayList<>();
        Set<String> seenBases = new HashSet<>();
        for (FoundFile f : files) {
            if (!seenBases.add(f.base())) {
                continue; // the same message in new/ and cur/ during someone's move: count it once
            }
            (known.containsKey(f.base()) ? listed : unlisted).add(f);
        }
        unlisted.sort((a, b) -> a.mtime() != b.mtime() ? Long.compare(a.mtime(), b.mtime())
                : MaildirFilename.compareNatural(a.name(), b.name()));
        long modSeq = files.isEmpty() ? 1 : Math.max(1, System.currentTimeMillis());
        h.highestModSeq = modSeq;
        h.expungeFloor = modSeq;
        MessageIndex x = new MessageIndex(files.size());
        listed.sort((a, b) -> Long.compare(known.get(a.base()).uid(), known.get(b.base()).uid()));
        long now = Instant.now().getEpochSecond();
        for (FoundFile f : listed) {
            UidList.Entry e = known.get(f.base());
            FoundFile inCur = moveToCur(f);
            if (inCur != null) {
                x.add(e.uid(), MaildirFilename.flagBits(inCur.name()), vsize(inCur), inCur.mtime() / 1000,
                        ctimeSeconds(inCur), 0, modSeq, inCur.name(), e.ext());
            }
        }
        h.firstRecentUid = h.uidNext;
        for (FoundFile f : unlisted) {
            FoundFile inCur = moveToCur(f);
            if (inCur != null) {
                x.add(h.uidNext++, MaildirFilename.flagBits(inCur.name()), vsize(inCur), inCur.mtime() / 1000,
                        now, 0, modSeq, inCur.name(), "");
            }
        }
        x.trim();
        h.curMtime = curMtime == mtime(dir.resolve("cur")) ? curMtime : -1;
        // a generation no old log can have, so a stale log is never replayed over the rebuilt index
        h.generation = System.currentTimeMillis();
        synchronized (this) {
            index = x;
            header = h;
            history = new ExpungeHistory(store.config().expungeHistory(), h.expungeFloor);
            version++;
        }
        try (DotLock.Held lock = DotLock.acquire(dir, store.config().lockTimeout())) {
            rewriteUidlist();
        }
        writeCheckpoint();
        log = ChangeLog.create(dir, header.generation, fsync);
    }

    private record FoundFile(Path path, String name, String base, long mtime, boolean inNew) {
    }

    private static void listFiles(Path sub, boolean inNew, List<FoundFile> out) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(sub)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!MaildirFilename.isMessageName(n)) {
                    continue;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue;
                }
                if (a.isRegularFile()) {
                    out.add(new FoundFile(p, n, MaildirFilename.basename(n), a.lastModifiedTime().toMillis(), inNew));
                }
            }
        } catch (NoSuchFileException e) {
            // a missing new/ or cur/ holds no messages
        }
    }

    /** Moves a file found in new/ into cur/ (with an empty flag part), as every Maildir reader does. */
    private FoundFile moveToCur(FoundFile f) {
        if (!f.inNew()) {
            return f;
        }
        String curName = f.name().contains(":") ? f.name() : f.name() + ":2,";
        Path target = dir.resolve("cur").resolve(curName);
        expect(curName, null);
        if (!f.path().toFile().renameTo(target.toFile())) {
            return Files.exists(target) ? new FoundFile(target, curName, f.base(), f.mtime(), false) : null;
        }
        return new FoundFile(target, curName, f.base(), f.mtime(), false);
    }

    private static int vsize(FoundFile f) throws IOException {
        long w = MaildirFilename.sizeField(f.base(), 'W');
        if (w < 0 || w > Integer.MAX_VALUE) {
            w = StagedMessage.crlfSizeOf(f.path());
        }
        return (int) Math.min(w, Integer.MAX_VALUE);
    }

    private static long ctimeSeconds(FoundFile f) {
        try {
            Object ct = Files.getAttribute(f.path(), "unix:ctime", LinkOption.NOFOLLOW_LINKS);
            return ((java.nio.file.attribute.FileTime) ct).to(TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            return f.mtime() / 1000;
        }
    }

    private static long mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p).to(TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            return -2;
        }
    }

    /** Removes files left in tmp/ by a crash more than 36 hours ago (the Maildir specification's rule). */
    private void cleanTmp() {
        long cutoff = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(36);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.resolve("tmp"))) {
            for (Path p : ds) {
                try {
                    if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() < cutoff
                            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // try again next time
                }
            }
        } catch (IOException e) {
            // nothing to clean
        }
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
            fullScanWanted = true;
            syncWithDisk(false);
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

    private Flags toFlags(int bits) {
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
    private int toBits(Flags flags, boolean allocate) throws IOException {
        int bits = flags.systemBits();
        boolean added = false;
        for (String kw : flags.keywords()) {
            if (!Keywords.isValidKeyword(kw)) {
                continue;
            }
            int k = keywords.indexOf(kw);
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
    private void commit(List<Change> changes, boolean sync) throws IOException {
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
    private void commitDurably(List<Change> changes, Path... dirs) throws IOException {
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

    private Change.Header headerChange(boolean clean) {
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
        checkAlive();
        List<StagedMessage> staged = new ArrayList<>(messages.size());
        Path tmp = dir.resolve("tmp");
        try {
            long bytes = 0;
            for (NewMessage m : messages) {
                StagedMessage s = StagedMessage.write(tmp, m, store.config().maxMessageSize());
                staged.add(s);
                if (FLUSH_BY_APPENDER) {
                    try {
                        s.flush(fsync);
                    } catch (IOException e) {
                        throw new StoreException(StoreException.Reason.TEMPORARY, "cannot store the message", e);
                    }
                }
                bytes += s.crlfSize();
            }
            try (QuotaTracker.Reservation r = account.reserve(policy, bytes, staged.size())) {
                PendingAppend p = new PendingAppend(staged);
                pending.add(p);
                awaitCommit(p);
                if (p.failure != null) {
                    throw p.failure;
                }
                notifyListeners();
                store.metrics().appended(staged.size());
                return new AppendResult(uidValidity(), p.uids);
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
            if (commitLock.tryLock()) {
                try {
                    commitAppends();
                } finally {
                    commitLock.unlock();
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

    /** Commits every queued append as one batch. Caller holds commitLock. */
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
        long dbgStart = System.nanoTime();
        try {
            checkAlive();
            try (DotLock.Held lock = DotLock.acquire(dir, store.config().lockTimeout())) {
                if (!FLUSH_BY_APPENDER) {
                    flushStaged(batch);
                }
                refreshUidlist();
                long beforeCur = mtime(dir.resolve("cur"));
                int total = 0;
                for (PendingAppend a : batch) {
                    total += a.messages.size();
                }
                long modSeq;
                long uid;
                synchronized (this) {
                    modSeq = header.highestModSeq + 1;
                    uid = header.uidNext;
                }
                if (uid + total > UidSet.MAX_UID) {
                    throw new StoreException(StoreException.Reason.LIMIT, "mailbox has used up its UIDs");
                }
                long now = Instant.now().getEpochSecond();
                Change.Appended change = new Change.Appended(modSeq, new int[total], new int[total], new int[total],
                        new long[total], new long[total], new String[total], new String[total]);
                StringBuilder lines = new StringBuilder(total * 64);
                Path cur = dir.resolve("cur");
                int k = 0;
                for (PendingAppend a : batch) {
                    a.uids = new long[a.messages.size()];
                    for (int m = 0; m < a.messages.size(); m++) {
                        StagedMessage s = a.messages.get(m);
                        int bits = toBits(s.flags(), true);
                        String base = MaildirFilename.newBase(s.fileSize(), s.crlfSize());
                        String fileName = MaildirFilename.curName(base, bits);
                        Path target = cur.resolve(fileName);
                        expect(fileName, null);
                        rename(s.tmpFile(), target);
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
                writeUidlistLines(lines, total, uid);
                commitDurably(List.of(change, headerChange(false)), cur);
                trackCurMtime(beforeCur);
            }
            for (PendingAppend a : batch) {
                a.done = true;
                LockSupport.unpark(a.thread);
            }
            if (DBG) {
                long n = DBG_N.addAndGet(batch.size());
                long b = DBG_B.incrementAndGet();
                long t = DBG_T.addAndGet(System.nanoTime() - dbgStart);
                if (b % 100 == 0) {
                    System.err.printf("batches %d avg size %.1f avg commit %.1f ms%n", b, n / (double) b, t / 1e6 / b);
                }
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
                LOG.warn("mailbox {}: append failed: {}", name, e.toString());
            }
            return;
        }
        maybeCheckpointLocked();
    }

    /**
     * Flushes the files of a batch in parallel, so concurrent appends share journal commits instead of each
     * paying for its own; they must be durable before their renames into cur/ are.
     */
    private void flushStaged(List<PendingAppend> batch) throws IOException {
        List<java.util.concurrent.Future<?>> flushes = new ArrayList<>();
        StagedMessage last = null;
        for (PendingAppend a : batch) {
            for (StagedMessage s : a.messages) {
                if (last != null) {
                    StagedMessage f = last;
                    flushes.add(store.fsyncExecutor().submit(() -> {
                        f.flush(fsync);
                        return null;
                    }));
                }
                last = s;
            }
        }
        IOException failure = null;
        if (last != null) {
            try {
                last.flush(fsync);
            } catch (IOException e) {
                failure = e;
            }
        }
        for (java.util.concurrent.Future<?> f : flushes) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IOException("interrupted while flushing", e);
            } catch (java.util.concurrent.ExecutionException e) {
                failure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Renames with one system call (rename(2)); the caller knows the target does not exist. */
    private static void rename(Path from, Path to) throws IOException {
        File src = from.toFile();
        if (!src.renameTo(to.toFile())) {
            if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                throw new NoSuchFileException(from.toString());
            }
            throw new IOException("rename failed: " + from.getFileName() + " -> " + to.getFileName());
        }
    }

    /** Appends uidlist lines for new UIDs (creating the file when missing) and records the new fingerprint. */
    private void writeUidlistLines(CharSequence lines, int count, long nextUid) throws IOException {
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
    private void rewriteUidlist() throws IOException {
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
    private void refreshUidlist() throws IOException {
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
        synchronized (this) {
            for (UidList.Entry e : c.entries) {
                maxUid = Math.max(maxUid, e.uid());
                if (index.indexOf(e.uid()) < 0 && e.uid() >= header.uidNext) {
                    externalUids.put(e.basename(), e);
                } else if (index.indexOf(e.uid()) < 0 && !grown) {
                    // an old line of a message expunged here: nothing to adopt
                    continue;
                }
            }
            header.uidNext = Math.max(header.uidNext, Math.max(maxUid + 1, grown ? 0 : c.nextUid));
            header.uidlistFingerprint = c.fingerprint.encode();
            header.uidlistOffset = c.endOffset;
            header.uidlistLines = grown ? header.uidlistLines + c.entries.size() : c.entries.size();
        }
        if (!externalUids.isEmpty()) {
            fullScanWanted = fullScanWanted || !grown;
            newDirtyFromUidlist = true;
        }
    }

    private boolean newDirtyFromUidlist;

    /**
     * After our own change in cur/: its new mtime is the known one if cur/ had not changed behind our back
     * before, or if the folder is watched (then other programs' changes arrive as events of their own).
     */
    private void trackCurMtime(long before) {
        long after = mtime(dir.resolve("cur"));
        synchronized (this) {
            if (watched || before == header.curMtime && before >= 0) {
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
                queueRenames(changedUids, changes);
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

    // ------------------------------------------------------------------ file renames behind flag changes

    /** UIDs whose file name may not show their flags yet; guarded by commitLock. */
    private int[] renameQueue = new int[0];
    private int renameQueued;
    private final AtomicBoolean renameScheduled = new AtomicBoolean();

    private void queueRenames(int[] uids, int n) {
        if (renameQueued + n > renameQueue.length) {
            renameQueue = Arrays.copyOf(renameQueue, Math.max(renameQueued + n, renameQueue.length * 2));
        }
        System.arraycopy(uids, 0, renameQueue, renameQueued, n);
        renameQueued += n;
        if (renameScheduled.compareAndSet(false, true)) {
            store.syncExecutor().execute(this::flushRenames);
        }
    }

    /** Queues every message whose file name does not show its flags (after loading). Caller holds commitLock. */
    private void queueStaleNames() {
        int[] stale = new int[16];
        int n = 0;
        synchronized (this) {
            for (int i = 0; i < index.size(); i++) {
                if (MaildirFilename.flagBits(index.fileName(i)) != index.flags(i)) {
                    if (n == stale.length) {
                        stale = Arrays.copyOf(stale, n * 2);
                    }
                    stale[n++] = (int) index.uid(i);
                }
            }
        }
        if (n > 0) {
            queueRenames(stale, n);
        }
    }

    /** Renames files to show their flags, a slice at a time so other writers get their turn. */
    void flushRenames() {
        renameScheduled.set(false);
        boolean more;
        commitLock.lock();
        try {
            if (renameQueued == 0 || deleted || log == null) {
                return;
            }
            renameSlice(1000);
            more = renameQueued > 0;
        } catch (IOException e) {
            LOG.warn("mailbox {}: cannot rename files to show flags: {}", name, e.toString());
            return;
        } finally {
            commitLock.unlock();
        }
        if (more && renameScheduled.compareAndSet(false, true)) {
            store.syncExecutor().execute(this::flushRenames);
        }
    }

    /** Caller holds commitLock. */
    private void renameSlice(int max) throws IOException {
        int take = Math.min(max, renameQueued);
        int[] slice = Arrays.copyOfRange(renameQueue, renameQueued - take, renameQueued);
        renameQueued -= take;
        Path cur = dir.resolve("cur");
        int[] doneUids = new int[take];
        int[] doneBits = new int[take];
        String[] doneNames = new String[take];
        int done = 0;
        long beforeCur = mtime(cur);
        int taken = 0;
        for (int u : slice) {
            if (commitLock.hasQueuedThreads() && taken > 0) {
                break; // a writer is waiting: let it in, continue later
            }
            taken++;
            String oldName;
            int bits;
            synchronized (this) {
                int i = index.indexOf(u & 0xFFFF_FFFFL);
                if (i < 0) {
                    continue;
                }
                oldName = index.fileName(i);
                bits = index.flags(i);
            }
            if (MaildirFilename.flagBits(oldName) == bits) {
                continue;
            }
            String newName = MaildirFilename.withFlags(oldName, bits);
            expect(newName, oldName);
            try {
                rename(cur.resolve(oldName), cur.resolve(newName));
            } catch (NoSuchFileException e) {
                fullScanWanted = true; // another program renamed or removed it; the scan decides
                continue;
            }
            synchronized (this) {
                int i = index.indexOf(u & 0xFFFF_FFFFL);
                if (i >= 0) {
                    index.setFileName(i, newName);
                }
            }
            doneUids[done] = u;
            doneBits[done] = bits;
            doneNames[done] = newName;
            done++;
        }
        if (taken < slice.length) {
            // put back what this slice did not get to
            queueRenames(Arrays.copyOfRange(slice, taken, slice.length), slice.length - taken);
        } else if (renameQueued == 0 && renameQueue.length > 4096) {
            renameQueue = new int[0];
        }
        if (done > 0) {
            // names only (modseq 0): not flushed, a lost record is repaired by the next scan
            log.append(new Change.FlagsSet(0, Arrays.copyOf(doneUids, done), Arrays.copyOf(doneBits, done),
                    Arrays.copyOf(doneNames, done)));
            trackCurMtime(beforeCur);
        }
        if (fullScanWanted && syncWithDisk(false)) {
            notifyListenersLater();
        }
    }

    private void notifyListenersLater() {
        store.syncExecutor().execute(this::notifyListeners);
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
    private UidSet expungeLocked(UidSet uids, boolean deleteFiles) throws IOException {
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
        long beforeCur = mtime(dir.resolve("cur"));
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

    // ------------------------------------------------------------------ copy / move

    /**
     * Copies (or moves) messages into {@code target}. Both commit locks are held, taken in a fixed order so
     * two opposite moves cannot deadlock. A copy hard-links the file (sharing its bytes, keeping its base
     * name and so its message id when the target has no file of that name); a move renames it.
     */
    static CopyResult transfer(MailboxState source, MailboxState target, UidSet uids, boolean move,
            AccountPolicy policy) {
        source.checkAlive();
        target.checkAlive();
        MailboxState first = source.serial <= target.serial ? source : target;
        MailboxState second = first == source ? target : source;
        List<long[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> exts = new ArrayList<>();
        List<Long> dates = new ArrayList<>();
        CopyResult result;
        first.commitLock.lock();
        try {
            second.commitLock.lock();
            try {
                source.checkAlive();
                target.checkAlive();
                long bytes = 0;
                synchronized (source) {
                    for (int r = 0; r < uids.rangeCount(); r++) {
                        int i = source.index.ceiling(uids.rangeStart(r));
                        while (i < source.index.size() && source.index.uid(i) <= uids.rangeEnd(r)) {
                            rows.add(new long[] {source.index.uid(i), source.index.flags(i), source.index.vsize(i)});
                            names.add(source.index.fileName(i));
                            exts.add(source.index.ext(i));
                            dates.add(source.index.internalDate(i));
                            bytes += source.index.vsize(i);
                            i++;
                        }
                    }
                }
                if (rows.isEmpty()) {
                    return new CopyResult(target.uidValidity(), new long[0], new long[0]);
                }
                boolean sameMailbox = source == target;
                long sourceCurBefore = mtime(source.dir.resolve("cur"));
                try (QuotaTracker.Reservation r = move && !sameMailbox ? () -> { }
                        : source.account.reserve(policy, bytes, rows.size())) {
                    result = target.receive(source, rows, names, exts, dates, move && !sameMailbox);
                }
                if (move && !sameMailbox) {
                    source.trackCurMtime(sourceCurBefore);
                }
                if (move) {
                    UidSet moved = UidSet.of(result.sourceUids());
                    source.expungeLocked(moved, sameMailbox);
                }
            } catch (IOException e) {
                throw new StoreException(StoreException.Reason.TEMPORARY, "cannot copy messages", e);
            } finally {
                second.commitLock.unlock();
            }
        } finally {
            first.commitLock.unlock();
        }
        target.notifyListeners();
        if (move && source != target) {
            source.notifyListeners();
        }
        target.maybeCheckpointLocked();
        source.maybeCheckpointLocked();
        return result;
    }

    /** Takes in messages from another folder of the account. Caller holds both commit locks. */
    private CopyResult receive(MailboxState source, List<long[]> rows, List<String> names, List<String> exts,
            List<Long> dates, boolean rename) throws IOException {
        Path srcCur = source.dir.resolve("cur");
        Path cur = dir.resolve("cur");
        List<Path> placed = new ArrayList<>();
        List<Path> movedFrom = new ArrayList<>();
        try (DotLock.Held lock = DotLock.acquire(dir, store.config().lockTimeout())) {
            refreshUidlist();
            long beforeCur = mtime(cur);
            int n = rows.size();
            long uid;
            long modSeq;
            synchronized (this) {
                uid = header.uidNext;
                modSeq = header.highestModSeq + 1;
            }
            if (uid + n > UidSet.MAX_UID) {
                throw new StoreException(StoreException.Reason.LIMIT, "mailbox has used up its UIDs");
            }
            long now = Instant.now().getEpochSecond();
            Change.Appended change = new Change.Appended(modSeq, new int[n], new int[n], new int[n], new long[n],
                    new long[n], new String[n], new String[n]);
            long[] srcUids = new long[n];
            long[] dstUids = new long[n];
            StringBuilder lines = new StringBuilder();
            for (int k = 0; k < n; k++) {
                long[] row = rows.get(k);
                String srcName = names.get(k);
                String srcBase = MaildirFilename.basename(srcName);
                int bits = translateKeywords(source, (int) row[1]);
                String base = srcBase;
                String ext = exts.get(k);
                boolean baseTaken;
                synchronized (this) {
                    baseTaken = index.findBase(srcBase) >= 0 || externalUids.containsKey(srcBase);
                }
                if (baseTaken || source == this) {
                    long s = MaildirFilename.sizeField(srcBase, 'S');
                    base = MaildirFilename.newBase(s < 0 ? row[2] : s, row[2]);
                    String guid = fieldOf(ext, 'G');
                    ext = withField(ext, 'G', Ids.emailId(guid, srcBase));
                }
                String fileName = MaildirFilename.curName(base, bits);
                Path target = cur.resolve(fileName);
                Path src = srcCur.resolve(srcName);
                expect(fileName, null);
                if (rename) {
                    source.expect(null, srcName);
                    rename(src, target);
                    movedFrom.add(src);
                } else {
                    linkOrCopy(src, target);
                }
                placed.add(target);
                srcUids[k] = row[0];
                dstUids[k] = uid;
                change.uids()[k] = (int) uid;
                change.flags()[k] = bits;
                change.vsizes()[k] = (int) row[2];
                change.internalDates()[k] = dates.get(k);
                change.saveDates()[k] = now;
                change.fileNames()[k] = fileName;
                change.exts()[k] = ext;
                lines.append(UidList.line(uid, ext, base));
                uid++;
            }
            writeUidlistLines(lines, n, uid);
            if (rename) {
                commitDurably(List.of(change, headerChange(false)), cur, srcCur);
            } else {
                commitDurably(List.of(change, headerChange(false)), cur);
            }
            trackCurMtime(beforeCur);
            return new CopyResult(uidValidity(), srcUids, dstUids);
        } catch (IOException | RuntimeException e) {
            for (int k = 0; k < placed.size(); k++) {
                if (k < movedFrom.size()) {
                    placed.get(k).toFile().renameTo(movedFrom.get(k).toFile());
                } else {
                    StagedMessage.deleteQuietly(placed.get(k));
                }
            }
            throw e;
        }
    }

    private static void linkOrCopy(Path src, Path target) throws IOException {
        try {
            Files.createLink(target, src);
        } catch (UnsupportedOperationException | IOException e) {
            if (e instanceof NoSuchFileException || e instanceof FileAlreadyExistsException) {
                throw (IOException) e;
            }
            Path tmp = target.getParent().getParent().resolve("tmp").resolve(MaildirFilename.tmpName());
            Files.copy(src, tmp, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(false);
            }
            rename(tmp, target);
        }
    }

    /** Maps the keyword bits of another folder's message to this folder's keyword table. */
    private int translateKeywords(MailboxState source, int bits) throws IOException {
        if (source == this) {
            return bits;
        }
        Flags f;
        synchronized (source) {
            f = source.toFlags(bits);
        }
        return toBits(f, true) | (bits & Flags.ALL_SYSTEM);
    }

    private static String fieldOf(String ext, char key) {
        if (ext == null || ext.isEmpty()) {
            return null;
        }
        for (String f : ext.split(" ")) {
            if (f.length() > 1 && f.charAt(0) == key) {
                return f.substring(1);
            }
        }
        return null;
    }

    private static String withField(String ext, char key, String value) {
        StringBuilder sb = new StringBuilder();
        if (ext != null && !ext.isEmpty()) {
            for (String f : ext.split(" ")) {
                if (!f.isEmpty() && f.charAt(0) != key) {
                    sb.append(sb.length() == 0 ? "" : " ").append(f);
                }
            }
        }
        return sb.append(sb.length() == 0 ? "" : " ").append(key).append(value).toString();
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

    /** Whether the watcher watches this folder (then our own file events are announced to it). */
    void setWatched(boolean on) {
        synchronized (watchMutex) {
            watched = on;
            expectCreate.clear();
            expectDelete.clear();
        }
    }

    /**
     * Announces a file event in cur/ that we are about to cause, so the watcher drops it instead of waking the
     * sync: only other programs' changes cost anything.
     */
    void expect(String created, String deleted) {
        synchronized (watchMutex) {
            if (!watched) {
                return;
            }
            if (created != null) {
                expectCreate.add(created);
            }
            if (deleted != null) {
                expectDelete.add(deleted);
            }
            if (expectCreate.size() + expectDelete.size() > MAX_PENDING_EVENTS * 4) {
                // events we announced were lost; cur/'s mtime tells whether anything else happened
                expectCreate.clear();
                expectDelete.clear();
                overflow = true;
            }
        }
    }

    /** A watch event on cur/ or new/ (null name: events were lost, rescan). */
    void onWatchEvent(boolean inCur, boolean created, String fileName) {
        synchronized (watchMutex) {
            if (fileName == null || curCreated.size() + curDeleted.size() > MAX_PENDING_EVENTS) {
                overflow = true;
                expectCreate.clear();
                expectDelete.clear();
                curCreated = new HashSet<>();
                curDeleted = new HashSet<>();
            } else if (!inCur) {
                newDirty = true;
            } else if (created ? expectCreate.remove(fileName) : expectDelete.remove(fileName)) {
                return;
            } else if (!overflow) {
                (created ? curCreated : curDeleted).add(fileName);
            }
        }
        scheduleSync();
    }

    /** The polling fallback: new/ not empty, or cur/ changed since we last knew it. */
    void poll() {
        if (deleted) {
            return;
        }
        boolean dirty;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.resolve("new"))) {
            dirty = ds.iterator().hasNext();
        } catch (IOException e) {
            dirty = false;
        }
        long known;
        synchronized (this) {
            known = header.curMtime;
        }
        if (!commitLock.isLocked() && known != mtime(dir.resolve("cur"))) {
            synchronized (watchMutex) {
                overflow = true;
            }
            dirty = true;
        }
        if (dirty) {
            synchronized (watchMutex) {
                newDirty = true;
            }
            scheduleSync();
        }
    }

    private void scheduleSync() {
        if (syncScheduled.compareAndSet(false, true)) {
            store.syncExecutor().execute(this::runScheduledSync);
        }
    }

    private void runScheduledSync() {
        syncScheduled.set(false);
        Set<String> created;
        Set<String> removed;
        boolean scanNew;
        boolean full;
        synchronized (watchMutex) {
            created = curCreated;
            removed = curDeleted;
            scanNew = newDirty;
            full = overflow;
            curCreated = new HashSet<>();
            curDeleted = new HashSet<>();
            newDirty = false;
            overflow = false;
        }
        if (deleted || (!scanNew && !full && allOurs(created, removed))) {
            return;
        }
        boolean changed;
        commitLock.lock();
        try {
            if (deleted || log == null) {
                return;
            }
            if (full) {
                // events were lost: a full scan is needed only if cur/ changed other than by us
                long known;
                synchronized (this) {
                    known = header.curMtime;
                }
                fullScanWanted = known < 0 || known != mtime(dir.resolve("cur"));
                created = Set.of();
                removed = Set.of();
            }
            changed = syncWithDisk(false, created, removed, scanNew || full);
        } catch (IOException | RuntimeException e) {
            LOG.warn("mailbox {}: cannot pick up changes made by other programs: {}", name, e.toString());
            return;
        } finally {
            commitLock.unlock();
        }
        if (changed) {
            notifyListeners();
            maybeCheckpointLocked();
        }
    }

    /** Whether every watched change is one we made: names we hold in the index, or ones we no longer hold. */
    private synchronized boolean allOurs(Set<String> created, Set<String> removed) {
        for (String n : created) {
            int i = index.findBase(MaildirFilename.basename(n));
            if (i < 0 || !index.fileName(i).equals(n)) {
                return false;
            }
        }
        for (String n : removed) {
            int i = index.findBase(MaildirFilename.basename(n));
            if (i >= 0 && index.fileName(i).equals(n)) {
                return false;
            }
        }
        return true;
    }

    /** Full check against the disk (at open, or when asked). Caller holds commitLock. */
    private boolean syncWithDisk(boolean atOpen) throws IOException {
        long known;
        synchronized (this) {
            known = header.curMtime;
        }
        if (atOpen && (known < 0 || known != mtime(dir.resolve("cur")))) {
            fullScanWanted = true;
        }
        return syncWithDisk(atOpen, Set.of(), Set.of(), true);
    }

    /**
     * Brings the index in line with the files: new files (new/, or cur/ names we do not know) get UIDs, renamed
     * files change flags, vanished files are expunged. Caller holds commitLock.
     */
    private boolean syncWithDisk(boolean atOpen, Set<String> created, Set<String> removed, boolean scanNew)
            throws IOException {
        boolean uidlistChanged;
        synchronized (this) {
            uidlistChanged = !UidList.fingerprint(dir).encode().equals(header.uidlistFingerprint);
        }
        if (uidlistChanged) {
            try (DotLock.Held lock = DotLock.acquire(dir, store.config().lockTimeout())) {
                refreshUidlist();
            }
        }
        if (keywords.reloadIfChanged(dir)) {
            synchronized (this) {
                flagsCache.clear();
                version++;
            }
        }
        Path cur = dir.resolve("cur");
        long curBefore = mtime(cur);
        List<FoundFile> newFiles = new ArrayList<>();
        List<long[]> renamedRows = new ArrayList<>();
        List<String> renamedNames = new ArrayList<>();
        Set<Long> vanished = new HashSet<>();
        boolean full = fullScanWanted;
        fullScanWanted = false;
        if (full) {
            scanCur(newFiles, renamedRows, renamedNames, vanished);
        } else {
            checkEvents(created, removed, newFiles, renamedRows, renamedNames, vanished);
        }
        if (scanNew || newDirtyFromUidlist) {
            newDirtyFromUidlist = false;
            List<FoundFile> inNew = new ArrayList<>();
            listFiles(dir.resolve("new"), true, inNew);
            for (FoundFile f : inNew) {
                String indexedName = null;
                synchronized (this) {
                    int i = index.findBase(f.base());
                    if (i >= 0) {
                        indexedName = index.fileName(i);
                    }
                }
                if (indexedName != null) {
                    // indexed, but back in new/ (its move to cur/ was lost in a crash): move it again
                    Path target = cur.resolve(indexedName);
                    expect(indexedName, null);
                    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        f.path().toFile().renameTo(target.toFile());
                    }
                    continue;
                }
                newFiles.add(f);
            }
        }
        if (newFiles.isEmpty() && renamedRows.isEmpty() && vanished.isEmpty()) {
            synchronized (this) {
                header.curMtime = watched ? mtime(cur) : curBefore;
            }
            return false;
        }
        List<Change> changes = new ArrayList<>();
        long modSeq;
        synchronized (this) {
            modSeq = header.highestModSeq + 1;
        }
        if (!vanished.isEmpty()) {
            int[] u = new int[vanished.size()];
            long bytes = 0;
            int k = 0;
            synchronized (this) {
                for (long uid : vanished) {
                    u[k++] = (int) uid;
                    int i = index.indexOf(uid);
                    bytes += i >= 0 ? index.vsize(i) : 0;
                }
            }
            changes.add(new Change.Expunged(modSeq, bytes, u));
        }
        if (!renamedRows.isEmpty()) {
            addRenames(renamedRows, renamedNames, modSeq, changes);
        }
        if (!newFiles.isEmpty()) {
            Change.Appended a = adopt(newFiles, modSeq);
            if (a != null) {
                changes.add(a);
            }
        }
        changes.add(headerChange(false));
        commitDurably(changes, cur);
        synchronized (this) {
            // changes after curBefore come with their own events; unwatched, the next poll looks again
            header.curMtime = watched ? mtime(cur) : curBefore;
        }
        if (!atOpen) {
            LOG.debug("mailbox {}: picked up {} new, {} changed, {} removed by other programs", name,
                    newFiles.size(), renamedRows.size(), vanished.size());
        }
        return true;
    }

    /**
     * Files other programs renamed: a real flag change gets the new modseq; a name that only now shows flags
     * the index already has (our write-behind rename, replayed) is recorded without one.
     */
    private void addRenames(List<long[]> rows, List<String> names, long modSeq, List<Change> out) {
        List<Integer> flagChanges = new ArrayList<>();
        List<Integer> nameOnly = new ArrayList<>();
        synchronized (this) {
            for (int k = 0; k < rows.size(); k++) {
                int i = index.indexOf(rows.get(k)[0]);
                if (i >= 0 && index.flags(i) == (int) rows.get(k)[1]) {
                    nameOnly.add(k);
                } else {
                    flagChanges.add(k);
                }
            }
        }
        for (List<Integer> part : List.of(flagChanges, nameOnly)) {
            if (part.isEmpty()) {
                continue;
            }
            int n = part.size();
            int[] u = new int[n];
            int[] f = new int[n];
            String[] fn = new String[n];
            for (int j = 0; j < n; j++) {
                int k = part.get(j);
                u[j] = (int) rows.get(k)[0];
                f[j] = (int) rows.get(k)[1];
                fn[j] = names.get(k);
            }
            out.add(new Change.FlagsSet(part == flagChanges ? modSeq : 0, u, f, fn));
        }
    }

    /** Lists cur/ and compares it with the index. */
    private void scanCur(List<FoundFile> newFiles, List<long[]> renamedRows, List<String> renamedNames,
            Set<Long> vanished) throws IOException {
        Map<String, FoundFile> onDisk = listCur();
        List<Long> missing = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < index.size(); i++) {
                String fileName = index.fileName(i);
                FoundFile f = onDisk.remove(MaildirFilename.basename(fileName));
                if (f == null) {
                    missing.add(index.uid(i));
                } else if (!f.name().equals(fileName)) {
                    renamedRows.add(new long[] {index.uid(i), MaildirFilename.flagBits(f.name())});
                    renamedNames.add(f.name());
                }
            }
        }
        for (FoundFile f : onDisk.values()) {
            try {
                BasicFileAttributes a = Files.readAttributes(f.path(), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile()) {
                    newFiles.add(new FoundFile(f.path(), f.name(), f.base(), a.lastModifiedTime().toMillis(), false));
                }
            } catch (NoSuchFileException e) {
                // gone again
            }
        }
        if (!missing.isEmpty()) {
            // a file renamed by another program while we listed can be missed once: look again
            Map<String, FoundFile> second = listCur();
            synchronized (this) {
                for (long uid : missing) {
                    int i = index.indexOf(uid);
                    if (i < 0) {
                        continue;
                    }
                    FoundFile f = second.get(index.basename(i));
                    if (f == null) {
                        vanished.add(uid);
                    } else if (!f.name().equals(index.fileName(i))) {
                        renamedRows.add(new long[] {uid, MaildirFilename.flagBits(f.name())});
                        renamedNames.add(f.name());
                    }
                }
            }
        }
    }

    /** Names in cur/ by base name, without a stat per file (mtime 0: not looked at yet). */
    private Map<String, FoundFile> listCur() throws IOException {
        Path cur = dir.resolve("cur");
        Map<String, FoundFile> byBase = new HashMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(cur)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (MaildirFilename.isMessageName(n)) {
                    String base = MaildirFilename.basename(n);
                    byBase.putIfAbsent(base, new FoundFile(p, n, base, 0, false));
                }
            }
        }
        return byBase;
    }

    /** Looks only at the files named in watch events. */
    private void checkEvents(Set<String> created, Set<String> removed, List<FoundFile> newFiles,
            List<long[]> renamedRows, List<String> renamedNames, Set<Long> vanished) throws IOException {
        Path cur = dir.resolve("cur");
        Set<String> renamedBases = new HashSet<>();
        for (String n : created) {
            Path p = cur.resolve(n);
            if (!MaildirFilename.isMessageName(n) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String base = MaildirFilename.basename(n);
            synchronized (this) {
                int i = index.findBase(base);
                if (i >= 0) {
                    if (!index.fileName(i).equals(n)) {
                        renamedRows.add(new long[] {index.uid(i), MaildirFilename.flagBits(n)});
                        renamedNames.add(n);
                        renamedBases.add(base);
                    }
                    continue;
                }
            }
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                newFiles.add(new FoundFile(p, n, base, a.lastModifiedTime().toMillis(), false));
            } catch (NoSuchFileException e) {
                // renamed again or removed; its next event tells
            }
        }
        for (String n : removed) {
            String base = MaildirFilename.basename(n);
            long uid;
            synchronized (this) {
                int i = index.findBase(base);
                if (i < 0 || !index.fileName(i).equals(n) || renamedBases.contains(base)) {
                    continue;
                }
                uid = index.uid(i);
            }
            if (Files.exists(cur.resolve(n), LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            // gone under this name: renamed (a create event may still be on its way) or deleted
            FoundFile renamed = findByBase(base);
            if (renamed == null) {
                vanished.add(uid);
            } else {
                renamedRows.add(new long[] {uid, MaildirFilename.flagBits(renamed.name())});
                renamedNames.add(renamed.name());
            }
        }
    }

    private FoundFile findByBase(String base) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.resolve("cur"), p -> {
            String n = p.getFileName().toString();
            return n.startsWith(base) && MaildirFilename.basename(n).equals(base);
        })) {
            for (Path p : ds) {
                return new FoundFile(p, p.getFileName().toString(), base, 0, false);
            }
        }
        return null;
    }

    /** Gives UIDs to files other programs delivered, keeping UIDs they already recorded in dovecot-uidlist. */
    private Change.Appended adopt(List<FoundFile> files, long modSeq) throws IOException {
        try (DotLock.Held lock = DotLock.acquire(dir, store.config().lockTimeout())) {
            refreshUidlist();
            List<FoundFile> placed = new ArrayList<>();
            for (FoundFile f : files) {
                FoundFile inCur = moveToCur(f);
                if (inCur != null) {
                    placed.add(inCur);
                }
            }
            placed.sort((a, b) -> {
                UidList.Entry ea = externalUids.get(a.base());
                UidList.Entry eb = externalUids.get(b.base());
                if (ea != null || eb != null) {
                    return ea == null ? 1 : eb == null ? -1 : Long.compare(ea.uid(), eb.uid());
                }
                return a.mtime() != b.mtime() ? Long.compare(a.mtime(), b.mtime())
                        : MaildirFilename.compareNatural(a.name(), b.name());
            });
            int n = placed.size();
            if (n == 0) {
                return null;
            }
            long now = Instant.now().getEpochSecond();
            Change.Appended change = new Change.Appended(modSeq, new int[n], new int[n], new int[n], new long[n],
                    new long[n], new String[n], new String[n]);
            StringBuilder lines = new StringBuilder();
            int newLines = 0;
            long uid;
            synchronized (this) {
                uid = header.uidNext;
            }
            for (int k = 0; k < n; k++) {
                FoundFile f = placed.get(k);
                UidList.Entry e = externalUids.remove(f.base());
                long assigned;
                String ext = "";
                if (e != null) {
                    assigned = e.uid();
                    ext = e.ext();
                } else {
                    assigned = uid++;
                    lines.append(UidList.line(assigned, "", f.base()));
                    newLines++;
                }
                change.uids()[k] = (int) assigned;
                change.flags()[k] = MaildirFilename.flagBits(f.name());
                change.vsizes()[k] = vsize(f);
                change.internalDates()[k] = (f.mtime() == 0 ? mtimeMillis(f.path()) : f.mtime()) / 1000;
                change.saveDates()[k] = now;
                change.fileNames()[k] = f.name();
                change.exts()[k] = ext;
                uid = Math.max(uid, assigned + 1);
            }
            if (uid > UidSet.MAX_UID) {
                throw new StoreException(StoreException.Reason.LIMIT, "mailbox has used up its UIDs");
            }
            if (newLines > 0) {
                writeUidlistLines(lines, newLines, uid);
            } else {
                synchronized (this) {
                    header.uidNext = Math.max(header.uidNext, uid);
                }
            }
            return change;
        }
    }

    private static long mtimeMillis(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return System.currentTimeMillis();
        }
    }

    // ------------------------------------------------------------------ checkpoints, lifecycle

    private final AtomicBoolean checkpointScheduled = new AtomicBoolean();

    /** Checks (in the background, off the caller's time) whether the log should become a checkpoint. */
    private void maybeCheckpointLocked() {
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
            while (renameQueued > 0) {
                renameSlice(5000);
            }
            synchronized (this) {
                if (header.curMtime != mtime(dir.resolve("cur"))) {
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

    /** Taken from the idle cache again: catch up with what other programs did while nobody watched. */
    void resume() {
        boolean changed;
        commitLock.lock();
        try {
            if (deleted || log == null) {
                return;
            }
            changed = syncWithDisk(true);
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

    private void checkAlive() {
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
