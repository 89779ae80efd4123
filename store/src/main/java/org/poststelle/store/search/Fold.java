package org.poststelle.store.search;

import java.nio.charset.StandardCharsets;

/**
 * Case folding for matching and sorting. Search strings and searched text are folded the same way, one UTF-16
 * unit at a time (so a folded string keeps its length and a streamed text can be folded chunk by chunk):
 * {@code toLowerCase(toUpperCase(c))}, which also unifies letters such as the Kelvin sign and K. Sort keys are
 * folded towards upper case, so ASCII compares as the i;ascii-casemap collation of RFC 5256 does.
 */
final class Fold {
    private static final char[] SEARCH = new char[65536];
    private static final char[] SORT = new char[65536];

    static {
        for (int c = 0; c < 65536; c++) {
            char ch = (char) c;
            if (Character.isSurrogate(ch)) {
                SEARCH[c] = ch;
                SORT[c] = ch;
            } else {
                SEARCH[c] = Character.toLowerCase(Character.toUpperCase(ch));
                SORT[c] = Character.toUpperCase(Character.toLowerCase(ch));
            }
        }
    }

    private Fold() {
    }

    static char searchChar(char c) {
        return SEARCH[c];
    }

    /** Folds {@code len} chars of {@code buf} from {@code off} in place. */
    static void searchInPlace(char[] buf, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            buf[i] = SEARCH[buf[i]];
        }
    }

    static String search(String s) {
        char[] c = s.toCharArray();
        searchInPlace(c, 0, c.length);
        return new String(c);
    }

    static String sort(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = SORT[c[i]];
        }
        return new String(c);
    }

    /** The UTF-8 bytes of the folded string, for matching in cached headers. */
    static byte[] searchUtf8(String s) {
        return search(s).getBytes(StandardCharsets.UTF_8);
    }
}
