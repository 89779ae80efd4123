package org.poststelle.store.maildir;

import java.util.Arrays;
import org.poststelle.store.model.UidSet;

/**
 * Expunged UIDs with the modseq of their expunge, oldest first, for QRESYNC's VANISHED (EARLIER). Bounded:
 * when full, the oldest half is forgotten and the floor rises to the newest forgotten modseq, below which
 * the history can no longer answer.
 */
final class ExpungeHistory {
    private final int capacity;
    private long[] modSeqs;
    private int[] uids;
    private int size;
    private long floor;

    ExpungeHistory(int capacity, long floor) {
        this.capacity = capacity;
        this.modSeqs = new long[Math.min(Math.max(capacity, 1), 64)];
        this.uids = new int[modSeqs.length];
        this.floor = floor;
    }

    static ExpungeHistory of(long[] modSeqs, int[] uids, int n) {
        ExpungeHistory h = new ExpungeHistory(Integer.MAX_VALUE, 0);
        h.modSeqs = modSeqs;
        h.uids = uids;
        h.size = n;
        return h;
    }

    /** The same entries with a new capacity (the configured one). */
    ExpungeHistory withCapacity(int newCapacity, long newFloor) {
        ExpungeHistory h = new ExpungeHistory(newCapacity, Math.max(floor, newFloor));
        for (int i = 0; i < size; i++) {
            h.add(modSeqs[i], uids[i] & 0xFFFF_FFFFL);
        }
        return h;
    }

    int size() {
        return size;
    }

    long floor() {
        return floor;
    }

    long[] modSeqs() {
        return modSeqs;
    }

    int[] uids() {
        return uids;
    }

    void add(long modSeq, long uid) {
        if (capacity == 0) {
            floor = Math.max(floor, modSeq);
            return;
        }
        if (size == capacity) {
            int drop = Math.max(1, size / 2);
            floor = Math.max(floor, modSeqs[drop - 1]);
            System.arraycopy(modSeqs, drop, modSeqs, 0, size - drop);
            System.arraycopy(uids, drop, uids, 0, size - drop);
            size -= drop;
        }
        if (size == modSeqs.length) {
            int c = (int) Math.min((long) capacity, Math.max(64L, modSeqs.length * 2L));
            modSeqs = Arrays.copyOf(modSeqs, c);
            uids = Arrays.copyOf(uids, c);
        }
        modSeqs[size] = modSeq;
        uids[size] = (int) uid;
        size++;
    }

    /** UIDs expunged after {@code modSeq}, or null when the history does not reach back that far. */
    UidSet since(long modSeq) {
        if (modSeq < floor) {
            return null;
        }
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (modSeqs[mid] <= modSeq) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        long[] out = new long[size - lo];
        for (int i = lo; i < size; i++) {
            out[i - lo] = uids[i] & 0xFFFF_FFFFL;
        }
        return UidSet.of(out);
    }
}
