package org.poststelle.store.model;

import java.util.Arrays;

/**
 * What changed between an older and a newer snapshot of the same mailbox (same UIDVALIDITY), computed by one
 * merge pass over the two UID arrays.
 *
 * @param expunged UIDs in the older snapshot that are gone in the newer one
 * @param appendedFrom index in the newer snapshot of the first message that the older one did not know
 *        (messages from there to the end are new; UIDs only grow, so they are all at the end)
 * @param appendedCount how many messages are new
 * @param changed indexes in the newer snapshot of known messages whose flags or modseq changed
 */
public record SnapshotDiff(UidSet expunged, int appendedFrom, int appendedCount, int[] changed) {

    public static SnapshotDiff between(MailboxSnapshot older, MailboxSnapshot newer) {
        UidSet.Builder gone = new UidSet.Builder();
        int[] changed = new int[16];
        int changedCount = 0;
        long knownMax = older.maxUid();
        int i = 0;
        int j = 0;
        while (i < older.size()) {
            long ou = older.uid(i);
            long nu = j < newer.size() ? newer.uid(j) : Long.MAX_VALUE;
            if (ou < nu) {
                gone.add(ou);
                i++;
            } else if (ou > nu) {
                // a UID the older view never had but below its max: treat as new (cannot happen in a sane store)
                j++;
            } else {
                if (older.modSeq(i) != newer.modSeq(j) || !older.flags(i).equals(newer.flags(j))) {
                    if (changedCount == changed.length) {
                        changed = Arrays.copyOf(changed, changedCount * 2);
                    }
                    changed[changedCount++] = j;
                }
                i++;
                j++;
            }
        }
        int appendedFrom = newer.ceilingIndex(knownMax + 1);
        return new SnapshotDiff(gone.build(), appendedFrom, newer.size() - appendedFrom,
                Arrays.copyOf(changed, changedCount));
    }

    public boolean hasExpunges() {
        return !expunged.isEmpty();
    }

    public boolean isEmpty() {
        return expunged.isEmpty() && changed.length == 0 && appendedCount == 0;
    }
}
