package org.poststelle.store.search;

/**
 * Looks for several needles at once in text that arrives in chunks, folding it on the way. A match may span
 * chunks but not segments ({@link #boundary()}), e.g. two MIME parts.
 */
final class StreamSearch {
    private final Needle[] needles;
    private final boolean[] found;
    private int remaining;
    private final int keep;
    private char[] window;
    private int carry;

    StreamSearch(Needle[] needles) {
        this.needles = needles;
        this.found = new boolean[needles.length];
        int longest = 0;
        for (Needle n : needles) {
            longest = Math.max(longest, n.length());
        }
        this.keep = Math.max(0, longest - 1);
        reset();
    }

    /** Starts over for another message (the window is kept: one search reads many messages). */
    void reset() {
        remaining = 0;
        carry = 0;
        for (int i = 0; i < needles.length; i++) {
            found[i] = needles[i].isEmpty();
            remaining += found[i] ? 0 : 1;
        }
    }

    /** Whether there is still something to look for. */
    boolean active() {
        return remaining > 0;
    }

    boolean found(int needle) {
        return found[needle];
    }

    /** Ends a segment: the next text is not a continuation of the previous one. */
    void boundary() {
        carry = 0;
    }

    void feed(String s) {
        if (remaining == 0 || s.isEmpty()) {
            return;
        }
        char[] c = s.toCharArray();
        feed(c, 0, c.length);
    }

    void feed(char[] buf, int off, int len) {
        if (remaining == 0 || len == 0) {
            return;
        }
        int room = carry + len * Fold.MAX_EXPANSION;
        if (window == null || window.length < room) {
            char[] bigger = new char[Math.max(room, window == null ? 0 : window.length * 2)];
            if (window != null) {
                System.arraycopy(window, 0, bigger, 0, carry);
            }
            window = bigger;
        }
        int total = carry + Fold.search(buf, off, len, window, carry);
        for (int i = 0; i < needles.length; i++) {
            if (!found[i] && needles[i].in(window, 0, total)) {
                found[i] = true;
                remaining--;
            }
        }
        int kept = Math.min(keep, total);
        System.arraycopy(window, total - kept, window, 0, kept);
        carry = kept;
    }
}
