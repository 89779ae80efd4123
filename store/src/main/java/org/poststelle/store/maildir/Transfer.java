package org.poststelle.store.maildir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.CopyResult;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.UidSet;

/** COPY and MOVE between folders of an account (a part of {@link MailboxState}, under its lock rules). */
final class Transfer {
    private Transfer() {
    }

    /**
     * Copies (or moves) messages into {@code target}. Both commit locks are held, taken in a fixed order so
     * two opposite moves cannot deadlock. A copy hard-links the file (sharing its bytes, keeping its base
     * name and so its message id when the target has no file of that name); a move renames it.
     */
    static CopyResult copy(MailboxState source, MailboxState target, UidSet uids, boolean move,
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
                        int i = source.index().ceiling(uids.rangeStart(r));
                        while (i < source.index().size() && source.index().uid(i) <= uids.rangeEnd(r)) {
                            rows.add(new long[] {source.index().uid(i), source.index().flags(i), source.index().vsize(i)});
                            names.add(source.index().fileName(i));
                            exts.add(source.index().ext(i));
                            dates.add(source.index().internalDate(i));
                            bytes += source.index().vsize(i);
                            i++;
                        }
                    }
                }
                if (rows.isEmpty()) {
                    return new CopyResult(target.uidValidity(), new long[0], new long[0]);
                }
                boolean sameMailbox = source == target;
                long sourceCurBefore = MaildirFiles.mtime(source.dir().resolve("cur"));
                try (QuotaTracker.Reservation r = move && !sameMailbox ? () -> { }
                        : source.account().reserve(policy, bytes, rows.size())) {
                    result = receive(target, source, rows, names, exts, dates, move && !sameMailbox);
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

    /** Takes messages into {@code target} from another folder of the account. Caller holds both commit locks. */
    private static CopyResult receive(MailboxState target, MailboxState source, List<long[]> rows,
            List<String> names, List<String> exts, List<Long> dates, boolean rename) throws IOException {
        Path srcCur = source.dir().resolve("cur");
        Path cur = target.dir().resolve("cur");
        List<Path> placed = new ArrayList<>();
        List<Path> movedFrom = new ArrayList<>();
        try (DotLock.Held lock = DotLock.acquire(target.dir(), target.store().config().lockTimeout())) {
            target.refreshUidlist();
            long beforeCur = MaildirFiles.mtime(cur);
            int n = rows.size();
            long uid;
            long modSeq;
            synchronized (target) {
                uid = target.header().uidNext;
                modSeq = target.header().highestModSeq + 1;
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
                int bits = translateKeywords(target, source, (int) row[1]);
                String base = srcBase;
                String ext = exts.get(k);
                if (target.knowsBase(srcBase) || source == target) {
                    long s = MaildirFilename.sizeField(srcBase, 'S');
                    base = MaildirFilename.newBase(s < 0 ? row[2] : s, row[2]);
                    String guid = fieldOf(ext, 'G');
                    ext = withField(ext, 'G', Ids.emailId(guid, srcBase));
                }
                String fileName = MaildirFilename.curName(base, bits);
                Path dest = cur.resolve(fileName);
                Path src = srcCur.resolve(srcName);
                target.expect(fileName, null);
                if (rename) {
                    source.expect(null, srcName);
                    MaildirFiles.rename(src, dest);
                    movedFrom.add(src);
                } else {
                    MaildirFiles.linkOrCopy(src, dest);
                }
                placed.add(dest);
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
            target.writeUidlistLines(lines, n, uid);
            if (rename) {
                target.commitDurably(List.of(change, target.headerChange(false)), cur, srcCur);
            } else {
                target.commitDurably(List.of(change, target.headerChange(false)), cur);
            }
            target.trackCurMtime(beforeCur);
            return new CopyResult(target.uidValidity(), srcUids, dstUids);
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

    /** Maps the keyword bits of a message of {@code source} to {@code target}'s keyword table. */
    private static int translateKeywords(MailboxState target, MailboxState source, int bits) throws IOException {
        if (source == target) {
            return bits;
        }
        Flags f;
        synchronized (source) {
            f = source.toFlags(bits);
        }
        return target.toBits(f, true) | (bits & Flags.ALL_SYSTEM);
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
}
