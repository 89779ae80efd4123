package org.poststelle.imap.protocol;

import java.util.Arrays;

/**
 * An IMAP sequence set as sent ({@code 1:*,7,9:10}, or {@code $} for the saved search result), before it is
 * resolved against a mailbox. The same syntax means message sequence numbers or UIDs depending on the
 * command. {@code *} is kept as {@link #STAR} until resolution.
 */
public final class SequenceSet {
    /** The value of {@code *}: the highest number in use. */
    public static final long STAR = Long.MAX_VALUE;
    private static final long MAX = 0xFFFF_FFFFL;
    /** {@code $} (RFC 5182 SEARCHRES). */
    public static final SequenceSet SAVED = new SequenceSet(new long[0], true);

    /** [from0, to0, from1, to1, ...] as written (from may exceed to). */
    private final long[] ranges;
    private final boolean saved;

    private SequenceSet(long[] ranges, boolean saved) {
        this.ranges = ranges;
        this.saved = saved;
    }

    public static SequenceSet parse(String s) throws BadCommandException {
        if (s.equals("$")) {
            return SAVED;
        }
        if (s.isEmpty()) {
            throw new BadCommandException("Empty sequence set");
        }
        long[] out = new long[8];
        int n = 0;
        int i = 0;
        while (true) {
            int comma = s.indexOf(',', i);
            String part = s.substring(i, comma < 0 ? s.length() : comma);
            int colon = part.indexOf(':');
            long from = number(colon < 0 ? part : part.substring(0, colon), s);
            long to = colon < 0 ? from : number(part.substring(colon + 1), s);
            if (n + 2 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = from;
            out[n++] = to;
            if (comma < 0) {
                break;
            }
            i = comma + 1;
        }
        return new SequenceSet(Arrays.copyOf(out, n), false);
    }

    private static long number(String p, String whole) throws BadCommandException {
        if (p.equals("*")) {
            return STAR;
        }
        if (p.isEmpty() || p.length() > 10 || p.charAt(0) == '0') {
            throw new BadCommandException("Invalid sequence set: " + abbreviate(whole));
        }
        long v = 0;
        for (int k = 0; k < p.length(); k++) {
            char c = p.charAt(k);
            if (c < '0' || c > '9') {
                throw new BadCommandException("Invalid sequence set: " + abbreviate(whole));
            }
            v = v * 10 + (c - '0');
        }
        if (v > MAX) {
            throw new BadCommandException("Sequence number out of range: " + abbreviate(whole));
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    public boolean isSaved() {
        return saved;
    }

    public int rangeCount() {
        return ranges.length / 2;
    }

    /** Lower end of range i with {@code *} replaced by {@code star}. */
    public long low(int i, long star) {
        return Math.min(value(ranges[2 * i], star), value(ranges[2 * i + 1], star));
    }

    public long high(int i, long star) {
        return Math.max(value(ranges[2 * i], star), value(ranges[2 * i + 1], star));
    }

    /** Whether a number other than {@code *} exceeds {@code max}. */
    public boolean exceeds(long max) {
        for (long r : ranges) {
            if (r != STAR && r > max) {
                return true;
            }
        }
        return false;
    }

    /** The numbers of this set as a UID set, {@code *} standing for {@code star} (nothing when star is 0). */
    public org.poststelle.store.model.UidSet toUidSet(long star) {
        org.poststelle.store.model.UidSet.Builder b = new org.poststelle.store.model.UidSet.Builder();
        for (int r = 0; r < rangeCount(); r++) {
            long lo = low(r, star);
            long hi = high(r, star);
            if (lo >= 1 && lo <= hi) {
                b.addRange(lo, hi);
            }
        }
        return b.build();
    }

    private static long value(long v, long star) {
        return v == STAR ? star : v;
    }

    @Override
    public String toString() {
        if (saved) {
            return "$";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ranges.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(ranges[i] == STAR ? "*" : Long.toString(ranges[i]));
            if (ranges[i + 1] != ranges[i]) {
                sb.append(':').append(ranges[i + 1] == STAR ? "*" : Long.toString(ranges[i + 1]));
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequenceSet s && s.saved == saved && Arrays.equals(s.ranges, ranges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ranges) + (saved ? 1 : 0);
    }
}
