package org.poststelle.store.search;

import java.util.Objects;
import java.util.OptionalLong;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.UidSet;

/**
 * The messages a search matched, as UIDs (so SEARCHRES can keep them across expunges), with what ESEARCH
 * (RFC 4731) and CONDSTORE (RFC 7162) report about them.
 *
 * @param uids the matching UIDs
 * @param highestModSeq the highest modseq among them (0 when none matched), for {@code (MODSEQ n)}
 */
public record SearchResult(UidSet uids, long highestModSeq) {

    public SearchResult {
        Objects.requireNonNull(uids, "uids");
    }

    public static SearchResult empty() {
        return new SearchResult(UidSet.empty(), 0);
    }

    /** ESEARCH COUNT. */
    public long count() {
        return uids.size();
    }

    /** ESEARCH MIN (as a UID); empty when nothing matched, and then MIN is left out of the response. */
    public OptionalLong minUid() {
        return uids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(uids.min());
    }

    /** ESEARCH MAX (as a UID); empty when nothing matched. */
    public OptionalLong maxUid() {
        return uids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(uids.max());
    }

    /**
     * The matches as message sequence numbers of {@code snapshot} (the session's snapshot the search ran on),
     * for SEARCH and ESEARCH without UID. UIDs the snapshot does not hold are left out.
     */
    public UidSet sequenceNumbers(MailboxSnapshot snapshot) {
        UidSet.Builder b = new UidSet.Builder();
        for (int r = 0; r < uids.rangeCount(); r++) {
            int i = snapshot.ceilingIndex(uids.rangeStart(r));
            long end = uids.rangeEnd(r);
            while (i < snapshot.size() && snapshot.uid(i) <= end) {
                b.add(i + 1L);
                i++;
            }
        }
        return b.build();
    }
}
