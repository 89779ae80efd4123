package org.poststelle.store.model;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.LongConsumer;

/**
 * An immutable set of message UIDs (1..4294967295) kept as sorted, non-overlapping, non-adjacent ranges,
 * so {@code 1:100000} costs two longs. IMAP's {@code *} is resolved by the front-end before a set reaches
 * the store.
 */
public final class UidSet implements Iterable<Long> {
    public static final long MAX_UID = 0xFFFF_FFFFL;
    private static final UidSet EMPTY = new UidSet(new long[0]);

    /** [start0, end0, start1, end1, ...], inclusive ends, sorted, merged. */
    private final long[] ranges;

    private UidSet(long[] ranges) {
        this.ranges = ranges;
    }

    public static UidSet empty() {
        return EMPTY;
    }

    public static UidSet of(long uid) {
        return range(uid, uid);
    }

    public static UidSet range(long from, long to) {
        long lo = Math.min(from, to);
        long hi = Math.max(from, to);
        if (lo < 1 || hi > MAX_UID) {
            throw new IllegalArgumentException("UID out of range: " + from + ":" + to);
        }
        return new UidSet(new long[] {lo, hi});
    }

    /** From UIDs in any order, duplicates allowed. */
    public static UidSet of(long... uids) {
        long[] sorted = uids.clone();
        Arrays.sort(sorted);
        Builder b = new Builder();
        for (long u : sorted) {
            b.add(u);
        }
        return b.build();
    }

    public static UidSet of(int[] uids) {
        long[] l = new long[uids.length];
        for (int i = 0; i < uids.length; i++) {
            l[i] = uids[i] & 0xFFFF_FFFFL;
        }
        return of(l);
    }

    /** Parses the IMAP form without {@code *}: {@code 1:5,7,9:12}. */
    public static UidSet parse(String s) {
        Builder b = new Builder();
        for (String part : s.split(",", -1)) {
            int colon = part.indexOf(':');
            try {
                if (colon < 0) {
                    b.addRange(Long.parseLong(part), Long.parseLong(part));
                } else {
                    b.addRange(Long.parseLong(part.substring(0, colon)), Long.parseLong(part.substring(colon + 1)));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad UID set: " + s);
            }
        }
        return b.build();
    }

    public boolean isEmpty() {
        return ranges.length == 0;
    }

    /** Number of UIDs in the set. */
    public long size() {
        long n = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            n += ranges[i + 1] - ranges[i] + 1;
        }
        return n;
    }

    public int rangeCount() {
        return ranges.length / 2;
    }

    public long rangeStart(int i) {
        return ranges[2 * i];
    }

    public long rangeEnd(int i) {
        return ranges[2 * i + 1];
    }

    public long min() {
        if (isEmpty()) {
            throw new NoSuchElementException();
        }
        return ranges[0];
    }

    public long max() {
        if (isEmpty()) {
            throw new NoSuchElementException();
        }
        return ranges[ranges.length - 1];
    }

    public boolean contains(long uid) {
        int lo = 0;
        int hi = ranges.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (uid < ranges[2 * mid]) {
                hi = mid - 1;
            } else if (uid > ranges[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    public UidSet union(UidSet other) {
        Builder b = new Builder();
        int i = 0;
        int j = 0;
        while (i < ranges.length || j < other.ranges.length) {
            if (j >= other.ranges.length || (i < ranges.length && ranges[i] <= other.ranges[j])) {
                b.addRange(ranges[i], ranges[i + 1]);
                i += 2;
            } else {
                b.addRange(other.ranges[j], other.ranges[j + 1]);
                j += 2;
            }
        }
        return b.build();
    }

    public UidSet intersect(UidSet other) {
        Builder b = new Builder();
        int i = 0;
        int j = 0;
        while (i < ranges.length && j < other.ranges.length) {
            long lo = Math.max(ranges[i], other.ranges[j]);
            long hi = Math.min(ranges[i + 1], other.ranges[j + 1]);
            if (lo <= hi) {
                b.addRange(lo, hi);
            }
            if (ranges[i + 1] < other.ranges[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return b.build();
    }

    public UidSet minus(UidSet other) {
        Builder b = new Builder();
        int j = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            long lo = ranges[i];
            long hi = ranges[i + 1];
            while (j < other.ranges.length && other.ranges[j + 1] < lo) {
                j += 2;
            }
            int k = j;
            while (lo <= hi && k < other.ranges.length && other.ranges[k] <= hi) {
                if (other.ranges[k] > lo) {
                    b.addRange(lo, other.ranges[k] - 1);
                }
                lo = Math.max(lo, other.ranges[k + 1] + 1);
                k += 2;
            }
            if (lo <= hi) {
                b.addRange(lo, hi);
            }
        }
        return b.build();
    }

    public void forEachUid(LongConsumer action) {
        for (int i = 0; i < ranges.length; i += 2) {
            for (long u = ranges[i]; u <= ranges[i + 1]; u++) {
                action.accept(u);
            }
        }
    }

    @Override
    public Iterator<Long> iterator() {
        return new Iterator<>() {
            private int range;
            private long next = ranges.length == 0 ? 0 : ranges[0];

            @Override
            public boolean hasNext() {
                return range < ranges.length;
            }

            @Override
            public Long next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long v = next;
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
        };
    }

    public long[] toArray() {
        long size = size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("UID set too large to list: " + size);
        }
        long[] out = new long[(int) size];
        int[] pos = {0};
        forEachUid(u -> out[pos[0]++] = u);
        return out;
    }

    /** The IMAP form, e.g. {@code 1:5,7}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ranges.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(ranges[i]);
            if (ranges[i + 1] != ranges[i]) {
                sb.append(':').append(ranges[i + 1]);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UidSet other && Arrays.equals(ranges, other.ranges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ranges);
    }

    /** Builds a set from ranges added in ascending order of start (out-of-order input is merged by sorting). */
    public static final class Builder {
        private long[] buf = new long[8];
        private int len;
        private boolean sorted = true;

        public Builder add(long uid) {
            return addRange(uid, uid);
        }

        public Builder addRange(long from, long to) {
            long lo = Math.min(from, to);
            long hi = Math.max(from, to);
            if (lo < 1 || hi > MAX_UID) {
                throw new IllegalArgumentException("UID out of range: " + from + ":" + to);
            }
            if (len > 0 && lo < buf[len - 2]) {
                sorted = false;
            }
            if (sorted && len > 0 && lo <= buf[len - 1] + 1) {
                buf[len - 1] = Math.max(buf[len - 1], hi);
                return this;
            }
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[len++] = lo;
            buf[len++] = hi;
            return this;
        }

        public UidSet build() {
            if (len == 0) {
                return EMPTY;
            }
            if (sorted) {
                return new UidSet(Arrays.copyOf(buf, len));
            }
            long[][] pairs = new long[len / 2][];
            for (int i = 0; i < len; i += 2) {
                pairs[i / 2] = new long[] {buf[i], buf[i + 1]};
            }
            Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
            Builder merged = new Builder();
            for (long[] p : pairs) {
                merged.addRange(p[0], p[1]);
            }
            return merged.build();
        }
    }
}
