package org.poststelle.store.maildir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.UidSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What other programs do to a folder (an MTA delivering into new/ or cur/, a Maildir tool renaming or
 * deleting files, dovecot-lda writing UIDs into the uidlist), brought into the index: watch events, the
 * polling fallback and directory scans. A part of {@link MailboxState}: the sync runs under its commit lock
 * and reads the index under its monitor.
 */
final class DiskSync {
    private static final Logger LOG = LoggerFactory.getLogger(DiskSync.class);
    private static final int MAX_PENDING_EVENTS = 20_000;

    private final MailboxState state;

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

    // guarded by the state's commitLock
    private boolean fullScanWanted;
    private boolean newScanWanted;

    DiskSync(MailboxState state) {
        this.state = state;
    }

    boolean watched() {
        return watched;
    }

    /** The next sync scans cur/ fully. Caller holds commitLock. */
    void wantFullScan() {
        fullScanWanted = true;
    }

    boolean fullScanWanted() {
        return fullScanWanted;
    }

    /** Other programs gave UIDs to files we have not seen: look for them. Caller holds commitLock. */
    void uidsFromOtherPrograms(boolean scanCurToo) {
        newScanWanted = true;
        fullScanWanted |= scanCurToo;
    }

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
        if (state.isDeleted()) {
            return;
        }
        boolean dirty;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(state.dir().resolve("new"))) {
            dirty = ds.iterator().hasNext();
        } catch (IOException e) {
            dirty = false;
        }
        long known;
        synchronized (state) {
            known = state.header().curMtime;
        }
        if (!state.commitLock.isLocked() && known != MaildirFiles.mtime(state.dir().resolve("cur"))) {
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
            state.store().syncExecutor().execute(this::runScheduledSync);
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
        if (state.isDeleted() || (!scanNew && !full && allOurs(created, removed))) {
            return;
        }
        boolean changed;
        state.commitLock.lock();
        try {
            if (!state.isLive()) {
                return;
            }
            if (full) {
                // events were lost: a full scan is needed only if cur/ changed other than by us
                long known;
                synchronized (state) {
                    known = state.header().curMtime;
                }
                fullScanWanted = known < 0 || known != MaildirFiles.mtime(state.dir().resolve("cur"));
                created = Set.of();
                removed = Set.of();
            }
            changed = syncWithDisk(false, created, removed, scanNew || full);
        } catch (IOException | RuntimeException e) {
            LOG.warn("mailbox {}: cannot pick up changes made by other programs: {}", state.name(), e.toString());
            return;
        } finally {
            state.commitLock.unlock();
        }
        if (changed) {
            state.notifyListeners();
            state.maybeCheckpointLocked();
        }
    }

    /** Whether every watched change is one we made: names we hold in the index, or ones we no longer hold. */
    private boolean allOurs(Set<String> created, Set<String> removed) {
        synchronized (state) {
            MessageIndex index = state.index();
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
    }

    /** Full check against the disk (at open, or when asked). Caller holds the commit lock. */
    boolean syncWithDisk(boolean atOpen) throws IOException {
        long known;
        synchronized (state) {
            known = state.header().curMtime;
        }
        if (atOpen && (known < 0 || known != MaildirFiles.mtime(state.dir().resolve("cur")))) {
            fullScanWanted = true;
        }
        return syncWithDisk(atOpen, Set.of(), Set.of(), true);
    }

    /**
     * Brings the index in line with the files: new files (new/, or cur/ names we do not know) get UIDs, renamed
     * files change flags, vanished files are expunged. Caller holds the commit lock.
     */
    private boolean syncWithDisk(boolean atOpen, Set<String> created, Set<String> removed, boolean scanNew)
            throws IOException {
        boolean uidlistChanged;
        synchronized (state) {
            uidlistChanged = !UidList.fingerprint(state.dir()).encode().equals(state.header().uidlistFingerprint);
        }
        if (uidlistChanged) {
            try (DotLock.Held lock = DotLock.acquire(state.dir(), state.store().config().lockTimeout())) {
                state.refreshUidlist();
            }
        }
        state.reloadKeywordsIfChanged();
        Path cur = state.dir().resolve("cur");
        long curBefore = MaildirFiles.mtime(cur);
        List<MaildirFiles.FoundFile> newFiles = new ArrayList<>();
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
        if (scanNew || newScanWanted) {
            newScanWanted = false;
            List<MaildirFiles.FoundFile> inNew = new ArrayList<>();
            MaildirFiles.listFiles(state.dir().resolve("new"), true, inNew);
            for (MaildirFiles.FoundFile f : inNew) {
                String indexedName = null;
                synchronized (state) {
                    int i = state.index().findBase(f.base());
                    if (i >= 0) {
                        indexedName = state.index().fileName(i);
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
            synchronized (state) {
                state.header().curMtime = watched ? MaildirFiles.mtime(cur) : curBefore;
            }
            return false;
        }
        List<Change> changes = new ArrayList<>();
        long modSeq;
        synchronized (state) {
            modSeq = state.header().highestModSeq + 1;
        }
        if (!vanished.isEmpty()) {
            int[] u = new int[vanished.size()];
            long bytes = 0;
            int k = 0;
            synchronized (state) {
                for (long uid : vanished) {
                    u[k++] = (int) uid;
                    int i = state.index().indexOf(uid);
                    bytes += i >= 0 ? state.index().vsize(i) : 0;
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
        changes.add(state.headerChange(false));
        state.commitDurably(changes, cur);
        synchronized (state) {
            // changes after curBefore come with their own events; unwatched, the next poll looks again
            state.header().curMtime = watched ? MaildirFiles.mtime(cur) : curBefore;
        }
        if (!atOpen) {
            LOG.debug("mailbox {}: picked up {} new, {} changed, {} removed by other programs", state.name(),
                    newFiles.size(), renamedRows.size(), vanished.size());
        }
        return true;
    }

    /**
     * Files other programs renamed: a real flag change gets the new modseq; a name that only now shows flags
     * the index already has (our write-behind restate.name(), replayed) is recorded without one.
     */
    private void addRenames(List<long[]> rows, List<String> names, long modSeq, List<Change> out) {
        List<Integer> flagChanges = new ArrayList<>();
        List<Integer> nameOnly = new ArrayList<>();
        synchronized (state) {
            for (int k = 0; k < rows.size(); k++) {
                int i = state.index().indexOf(rows.get(k)[0]);
                if (i >= 0 && state.index().flags(i) == (int) rows.get(k)[1]) {
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
    private void scanCur(List<MaildirFiles.FoundFile> newFiles, List<long[]> renamedRows, List<String> renamedNames,
            Set<Long> vanished) throws IOException {
        Map<String, MaildirFiles.FoundFile> onDisk = listCur();
        if (state.hasExternalUids()) {
            // UIDs another program wrote for files that are in neither cur/ nor new/ will never be needed
            Set<String> present = new HashSet<>(onDisk.keySet());
            List<MaildirFiles.FoundFile> inNew = new ArrayList<>();
            MaildirFiles.listFiles(state.dir().resolve("new"), true, inNew);
            inNew.forEach(f -> present.add(f.base()));
            state.retainExternalUids(present);
        }
        List<Long> missing = new ArrayList<>();
        synchronized (state) {
            for (int i = 0; i < state.index().size(); i++) {
                String fileName = state.index().fileName(i);
                MaildirFiles.FoundFile f = onDisk.remove(MaildirFilename.basename(fileName));
                if (f == null) {
                    missing.add(state.index().uid(i));
                } else if (!f.name().equals(fileName)) {
                    renamedRows.add(new long[] {state.index().uid(i), MaildirFilename.flagBits(f.name())});
                    renamedNames.add(f.name());
                }
            }
        }
        for (MaildirFiles.FoundFile f : onDisk.values()) {
            try {
                BasicFileAttributes a = Files.readAttributes(f.path(), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile()) {
                    newFiles.add(new MaildirFiles.FoundFile(f.path(), f.name(), f.base(), a.lastModifiedTime().toMillis(), false));
                }
            } catch (NoSuchFileException e) {
                // gone again
            }
        }
        if (!missing.isEmpty()) {
            // a file renamed by another program while we listed can be missed once: look again
            Map<String, MaildirFiles.FoundFile> second = listCur();
            synchronized (state) {
                for (long uid : missing) {
                    int i = state.index().indexOf(uid);
                    if (i < 0) {
                        continue;
                    }
                    MaildirFiles.FoundFile f = second.get(state.index().basename(i));
                    if (f == null) {
                        vanished.add(uid);
                    } else if (!f.name().equals(state.index().fileName(i))) {
                        renamedRows.add(new long[] {uid, MaildirFilename.flagBits(f.name())});
                        renamedNames.add(f.name());
                    }
                }
            }
        }
    }

    /** Names in cur/ by base state.name(), without a stat per file (mtime 0: not looked at yet). */
    private Map<String, MaildirFiles.FoundFile> listCur() throws IOException {
        Path cur = state.dir().resolve("cur");
        Map<String, MaildirFiles.FoundFile> byBase = new HashMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(cur)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (MaildirFilename.isMessageName(n)) {
                    String base = MaildirFilename.basename(n);
                    byBase.putIfAbsent(base, new MaildirFiles.FoundFile(p, n, base, 0, false));
                }
            }
        }
        return byBase;
    }

    /** Looks only at the files named in watch events. */
    private void checkEvents(Set<String> created, Set<String> removed, List<MaildirFiles.FoundFile> newFiles,
            List<long[]> renamedRows, List<String> renamedNames, Set<Long> vanished) throws IOException {
        Path cur = state.dir().resolve("cur");
        Set<String> renamedBases = new HashSet<>();
        for (String n : created) {
            Path p = cur.resolve(n);
            if (!MaildirFilename.isMessageName(n) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String base = MaildirFilename.basename(n);
            synchronized (state) {
                int i = state.index().findBase(base);
                if (i >= 0) {
                    if (!state.index().fileName(i).equals(n)) {
                        renamedRows.add(new long[] {state.index().uid(i), MaildirFilename.flagBits(n)});
                        renamedNames.add(n);
                        renamedBases.add(base);
                    }
                    continue;
                }
            }
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                newFiles.add(new MaildirFiles.FoundFile(p, n, base, a.lastModifiedTime().toMillis(), false));
            } catch (NoSuchFileException e) {
                // renamed again or removed; its next event tells
            }
        }
        for (String n : removed) {
            String base = MaildirFilename.basename(n);
            long uid;
            synchronized (state) {
                int i = state.index().findBase(base);
                if (i < 0 || !state.index().fileName(i).equals(n) || renamedBases.contains(base)) {
                    continue;
                }
                uid = state.index().uid(i);
            }
            if (Files.exists(cur.resolve(n), LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            // gone under this name: renamed (a create event may still be on its way) or deleted
            MaildirFiles.FoundFile renamed = findByBase(base);
            if (renamed == null) {
                vanished.add(uid);
            } else {
                renamedRows.add(new long[] {uid, MaildirFilename.flagBits(renamed.name())});
                renamedNames.add(renamed.name());
            }
        }
    }

    private MaildirFiles.FoundFile findByBase(String base) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(state.dir().resolve("cur"), p -> {
            String n = p.getFileName().toString();
            return n.startsWith(base) && MaildirFilename.basename(n).equals(base);
        })) {
            for (Path p : ds) {
                return new MaildirFiles.FoundFile(p, p.getFileName().toString(), base, 0, false);
            }
        }
        return null;
    }

    /** Gives UIDs to files other programs delivered, keeping UIDs they already recorded in dovecot-uidlist. */
    private Change.Appended adopt(List<MaildirFiles.FoundFile> files, long modSeq) throws IOException {
        try (DotLock.Held lock = DotLock.acquire(state.dir(), state.store().config().lockTimeout())) {
            state.refreshUidlist();
            List<MaildirFiles.FoundFile> placed = new ArrayList<>();
            for (MaildirFiles.FoundFile f : files) {
                MaildirFiles.FoundFile inCur = MaildirFiles.moveToCur(state.dir(), f, n -> expect(n, null));
                if (inCur != null) {
                    placed.add(inCur);
                }
            }
            placed.sort((a, b) -> {
                UidList.Entry ea = state.externalUid(a.base());
                UidList.Entry eb = state.externalUid(b.base());
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
            synchronized (state) {
                uid = state.header().uidNext;
            }
            for (int k = 0; k < n; k++) {
                MaildirFiles.FoundFile f = placed.get(k);
                UidList.Entry e = state.takeExternalUid(f.base());
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
                change.vsizes()[k] = MaildirFiles.vsize(f);
                change.internalDates()[k] = (f.mtime() == 0 ? MaildirFiles.mtimeMillis(f.path()) : f.mtime()) / 1000;
                change.saveDates()[k] = now;
                change.fileNames()[k] = f.name();
                change.exts()[k] = ext;
                uid = Math.max(uid, assigned + 1);
            }
            if (uid > UidSet.MAX_UID) {
                throw new StoreException(StoreException.Reason.LIMIT, "mailbox has used up its UIDs");
            }
            if (newLines > 0) {
                state.writeUidlistLines(lines, newLines, uid);
            } else {
                synchronized (state) {
                    state.header().uidNext = Math.max(state.header().uidNext, uid);
                }
            }
            return change;
        }
    }
}
