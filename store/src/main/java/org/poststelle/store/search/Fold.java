package org.poststelle.store.search;

import java.text.Normalizer;

/**
 * Case and accent folding for matching and sorting, after Dovecot's i;unicode-casemap: each UTF-16 unit is
 * decomposed (NFD) and each part case-folded. Decomposition makes composed and decomposed spellings equal
 * ("é" as one code point or as "e" plus a combining accent) and, as in Dovecot, lets a base letter find its
 * accented forms ({@code SEARCH BODY "a"} finds "ä") and sorts "Ärger" with the A's. Search folding maps towards
 * lower case ({@code toLowerCase(toUpperCase(c))}, which also unifies letters such as the Kelvin sign and K);
 * sort folding towards upper case, so plain ASCII compares as RFC 5256's i;ascii-casemap does.
 *
 * <p>Folding works unit by unit, so text streamed in chunks folds the same as text folded whole.
 */
final class Fold {
    private static final char[] SEARCH = new char[65536];
    private static final char[] SORT = new char[65536];
    /** The folded decomposition of units that decompose, null for the others. */
    private static final String[] SEARCH_EXPANDED = new String[65536];
    private static final String[] SORT_EXPANDED = new String[65536];
    /** The longest expansion of one unit. */
    static final int MAX_EXPANSION;

    static {
        int max = 1;
        for (int c = 0; c < 65536; c++) {
            char ch = (char) c;
            if (Character.isSurrogate(ch)) {
                SEARCH[c] = ch;
                SORT[c] = ch;
                continue;
            }
            SEARCH[c] = searchFold(ch);
            SORT[c] = sortFold(ch);
            if (c >= 0xC0) {
                String d = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFD);
                if (d.length() > 1 || d.charAt(0) != ch) {
                    StringBuilder se = new StringBuilder(d.length());
                    StringBuilder so = new StringBuilder(d.length());
                    for (int i = 0; i < d.length(); i++) {
                        se.append(searchFold(d.charAt(i)));
                        so.append(sortFold(d.charAt(i)));
                    }
                    SEARCH_EXPANDED[c] = se.toString();
                    SORT_EXPANDED[c] = so.toString();
                    max = Math.max(max, d.length());
                }
            }
        }
        MAX_EXPANSION = max;
    }

    private Fold() {
    }

    private static char searchFold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    private static char sortFold(char c) {
        return Character.toUpperCase(Character.toLowerCase(c));
    }

    /**
     * Folds {@code len} units of {@code in} from {@code off} into {@code out} at {@code at}; {@code out} needs
     * room for {@code len * MAX_EXPANSION} units. Returns the number of units written.
     */
    static int search(char[] in, int off, int len, char[] out, int at) {
        int p = at;
        for (int i = off, end = off + len; i < end; i++) {
            char c = in[i];
            if (c < 0xC0) {
                out[p++] = SEARCH[c]; // nothing below U+00C0 decomposes
                continue;
            }
            String x = SEARCH_EXPANDED[c];
            if (x == null) {
                out[p++] = SEARCH[c];
            } else {
                for (int k = 0; k < x.length(); k++) {
                    out[p++] = x.charAt(k);
                }
            }
        }
        return p - at;
    }

    static String search(String s) {
        return fold(s, SEARCH, SEARCH_EXPANDED);
    }

    static String sort(String s) {
        return fold(s, SORT, SORT_EXPANDED);
    }

    private static String fold(String s, char[] single, String[] expanded) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String x = expanded[c];
            if (x == null) {
                sb.append(single[c]);
            } else {
                sb.append(x);
            }
        }
        return sb.toString();
    }
}
