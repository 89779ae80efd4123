package org.poststelle.store.search;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** SORT over an evaluation's matches (RFC 5256 section 3, RFC 5957). */
final class Sorting {
    private Sorting() {
    }

    static long[] sort(SearchEngine.Evaluation ev, List<SortCriterion> criteria) {
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("SORT needs at least one criterion");
        }
        boolean needHeaders = false;
        boolean needMeta = false;
        for (SortCriterion c : criteria) {
            switch (c.key()) {
                case ARRIVAL, SIZE -> needMeta = true;
                case DATE -> needHeaders = true;
                default -> needHeaders = true;
            }
        }
        if (needHeaders) {
            ev.loadHeaders(ev.matches, ev.matchCount);
        }
        if (needMeta) {
            ev.loadFacts(ev.matches, ev.matchCount, false);
        } else if (criteria.stream().anyMatch(c -> c.key() == SortKey.DATE)) {
            // the internal date stands in for messages without a readable Date header
            int[] undated = withoutDate(ev);
            ev.loadFacts(undated, undated.length, false);
        }
        int[] present = present(ev);
        Integer[] order = new Integer[present.length];
        for (int k = 0; k < present.length; k++) {
            order[k] = present[k];
        }
        Comparator<Integer> cmp = null;
        for (SortCriterion c : criteria) {
            Comparator<Integer> one = comparator(ev, c.key());
            if (c.reverse()) {
                one = one.reversed();
            }
            cmp = cmp == null ? one : cmp.thenComparing(one);
        }
        // ties in mailbox order (sequence numbers); Arrays.sort on objects is stable, the input is ascending
        Arrays.sort(order, cmp);
        long[] uids = new long[order.length];
        for (int k = 0; k < order.length; k++) {
            uids[k] = ev.snapshot.uid(order[k]);
        }
        return uids;
    }

    static int[] withoutDate(SearchEngine.Evaluation ev) {
        int[] out = new int[ev.matchCount];
        int n = 0;
        for (int k = 0; k < ev.matchCount; k++) {
            int i = ev.matches[k];
            if (!ev.gone[i] && !ev.headers[i].has(CachedHeaders.HAS_DATE)) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The matches whose data could be loaded (expunged meanwhile ones are dropped). */
    private static int[] present(SearchEngine.Evaluation ev) {
        int[] out = new int[ev.matchCount];
        int n = 0;
        for (int k = 0; k < ev.matchCount; k++) {
            int i = ev.matches[k];
            if (!ev.gone[i]) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static Comparator<Integer> comparator(SearchEngine.Evaluation ev, SortKey key) {
        return switch (key) {
            case ARRIVAL -> numeric(ev, i -> ev.internalDates[i]);
            case SIZE -> numeric(ev, i -> ev.sizes[i]);
            case DATE -> numeric(ev, i -> sentDate(ev, i));
            case FROM -> field(ev, CachedHeaders.SORT_FROM);
            case TO -> field(ev, CachedHeaders.SORT_TO);
            case CC -> field(ev, CachedHeaders.SORT_CC);
            case SUBJECT -> field(ev, CachedHeaders.SORT_SUBJECT);
            case DISPLAYFROM -> field(ev, CachedHeaders.SORT_DISPLAYFROM);
            case DISPLAYTO -> field(ev, CachedHeaders.SORT_DISPLAYTO);
        };
    }

    /** The sent date of RFC 5256 section 2.2: the Date header, else the internal date. */
    static long sentDate(SearchEngine.Evaluation ev, int i) {
        CachedHeaders h = ev.headers[i];
        if (h.has(CachedHeaders.HAS_DATE)) {
            return h.sentMillis();
        }
        return ev.internalDates[i];
    }

    private static Comparator<Integer> numeric(SearchEngine.Evaluation ev, java.util.function.IntToLongFunction f) {
        long[] values = new long[ev.snapshot.size()];
        for (int k = 0; k < ev.matchCount; k++) {
            int i = ev.matches[k];
            if (!ev.gone[i]) {
                values[i] = f.applyAsLong(i);
            }
        }
        return (a, b) -> Long.compare(values[a], values[b]);
    }

    /** Compares a header sort key, extracted once per message (a sort compares each one about 17 times). */
    private static Comparator<Integer> field(SearchEngine.Evaluation ev, int field) {
        byte[][] keys = new byte[ev.snapshot.size()][];
        for (int k = 0; k < ev.matchCount; k++) {
            int i = ev.matches[k];
            if (!ev.gone[i]) {
                keys[i] = ev.headers[i].bytes(field);
            }
        }
        return (a, b) -> Arrays.compareUnsigned(keys[a], keys[b]);
    }
}
