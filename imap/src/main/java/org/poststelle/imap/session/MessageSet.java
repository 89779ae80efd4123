package org.poststelle.imap.session;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.UidSet;

/**
 * Messages of a session's view chosen by a command, as sorted, merged ranges of view indexes (MSN - 1).
 * {@code 1:*} over 100 000 messages is one range.
 */
public final class MessageSet {
    public static final MessageSet EMPTY = new MessageSet(new int[0]);

    /** [from0, to0, from1, to1, ...] inclusive, sorted, merged. */
    private final int[] ranges;

    private MessageSet(int[] ranges) {
        this.ranges = ranges;
    }

    /** From ranges in any order; overlapping ones are merged. */
    static MessageSet of(int[] unsorted, int length) {
        if (length == 0) {
            return EMPTY;
        }
        long[] packed = new long[length / 2];
        for (int i = 0; i < length; i += 2) {
            packed[i / 2] = ((long) unsorted[i] << 32) | (unsorted[i + 1] & 0xFFFF_FFFFL);
        }
        Arrays.sort(packed);
        int[] out = new int[length];
        int n = 0;
        for (long p : packed) {
            int from = (int) (p >>> 32);
            int to = (int) p;
            if (from > to) {
                continue;
            }
            if (n > 0 && from <= out[n - 1] + 1) {
                out[n - 1] = Math.max(out[n - 1], to);
            } else {
                out[n++] = from;
                out[n++] = to;
            }
        }
        return n == 0 ? EMPTY : new MessageSet(Arrays.copyOf(out, n));
    }

    /** The indexes of this set that satisfy {@code keep} (FETCH CHANGEDSINCE). */
    public MessageSet filter(java.util.function.IntPredicate keep) {
        int[] out = new int[16];
        int n = 0;
        for (int r = 0; r < ranges.length; r += 2) {
            for (int i = ranges[r]; i <= ranges[r + 1]; i++) {
                if (!keep.test(i)) {
                    continue;
                }
                if (n > 0 && out[n - 1] == i - 1) {
                    out[n - 1] = i;
                } else {
                    if (n + 2 > out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[n++] = i;
                    out[n++] = i;
                }
            }
        }
        return n == 0 ? EMPTY : new MessageSet(Arrays.copyOf(out, n));
    }

    public boolean isEmpty() {
        return ranges.length == 0;
    }

    public int count() {
        int c = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            c += ranges[i + 1] - ranges[i] + 1;
        }
        return c;
    }

    public int rangeCount() {
        return ranges.length / 2;
    }

    public int from(int range) {
        return ranges[2 * range];
    }

    public int to(int range) {
        return ranges[2 * range + 1];
    }

    public void forEach(IntConsumer index) {
        for (int i = 0; i < ranges.length; i += 2) {
            for (int k = ranges[i]; k <= ranges[i + 1]; k++) {
                index.accept(k);
            }
        }
    }

    /** The UIDs of these messages in {@code view}. */
    public UidSet uids(MailboxSnapshot view) {
        UidSet.Builder b = new UidSet.Builder();
        for (int i = 0; i < ranges.length; i += 2) {
            int k = ranges[i];
            while (k <= ranges[i + 1]) {
                // consecutive indexes with consecutive UIDs become one range
                long start = view.uid(k);
                long end = start;
                k++;
                while (k <= ranges[i + 1] && view.uid(k) == end + 1) {
                    end++;
                    k++;
                }
                b.addRange(start, end);
            }
        }
        return b.build();
    }

    public Cursor cursor() {
        return new Cursor();
    }

    /** Walks the indexes in ascending order; resumable, for responses written in several steps. */
    public final class Cursor {
        private int range;
        private int next = ranges.length == 0 ? 0 : ranges[0];

        public boolean hasNext() {
            return range < ranges.length;
        }

        public int next() {
            int v = next;
            if (next == ranges[range + 1]) {
                range += 2;
                if (range < ranges.length) {
                    next = ranges[range];
                }
            } else {
                next++;
            }
            return v;
        }
    }

    public int first() {
        return ranges.length == 0 ? -1 : ranges[0];
    }
}
