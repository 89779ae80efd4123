package org.poststelle.store.maildir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds a folder's index from its files when the index is missing or damaged: UIDs, UIDVALIDITY and the
 * mailbox GUID from dovecot-uidlist where it has them (other files get the next UIDs, in delivery order),
 * flags from the file names, internal dates from the files' mtime. Modseqs restart above any value given
 * out before (the current time in milliseconds), so CONDSTORE clients resynchronize instead of missing
 * changes; the expunge history starts empty.
 */
final class IndexRebuild {
    record Result(IndexFile.Header header, MessageIndex index) {
    }

    private IndexRebuild() {
    }

    /**
     * @param uidlist the folder's uidlist, or null
     * @param newUidValidity used when there is no valid uidlist
     * @param expect told of each file moved from new/ into cur/ (for the watcher)
     */
    static Result build(Path dir, UidList.Contents uidlist, long newUidValidity, Consumer<String> expect)
            throws IOException {
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
            h.uidValidity = newUidValidity;
            h.uidNext = 1;
            h.guid = Ids.newGuid();
        }
        h.uidNext = Math.max(h.uidNext, maxListed + 1);
        List<MaildirFiles.FoundFile> files = new ArrayList<>();
        long curMtime = MaildirFiles.mtime(dir.resolve("cur"));
        MaildirFiles.listFiles(dir.resolve("cur"), false, files);
        MaildirFiles.listFiles(dir.resolve("new"), true, files);
        List<MaildirFiles.FoundFile> listed = new ArrayList<>();
        List<MaildirFiles.FoundFile> unlisted = new ArrayList<>();
        Set<String> seenBases = new HashSet<>();
        for (MaildirFiles.FoundFile f : files) {
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
        for (MaildirFiles.FoundFile f : listed) {
            UidList.Entry e = known.get(f.base());
            MaildirFiles.FoundFile inCur = MaildirFiles.moveToCur(dir, f, expect);
            if (inCur != null) {
                x.add(e.uid(), MaildirFilename.flagBits(inCur.name()), MaildirFiles.vsize(inCur), inCur.mtime() / 1000,
                        MaildirFiles.ctimeSeconds(inCur), 0, modSeq, inCur.name(), e.ext());
            }
        }
        h.firstRecentUid = h.uidNext;
        for (MaildirFiles.FoundFile f : unlisted) {
            MaildirFiles.FoundFile inCur = MaildirFiles.moveToCur(dir, f, expect);
            if (inCur != null) {
                x.add(h.uidNext++, MaildirFilename.flagBits(inCur.name()), MaildirFiles.vsize(inCur), inCur.mtime() / 1000,
                        now, 0, modSeq, inCur.name(), "");
            }
        }
        x.trim();
        h.curMtime = curMtime == MaildirFiles.mtime(dir.resolve("cur")) ? curMtime : -1;
        // a generation no old log can have, so a stale log is never replayed over the rebuilt index
        h.generation = System.currentTimeMillis();
        return new Result(h, x);
    }
}
