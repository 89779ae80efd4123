package org.poststelle.store.search;

/**
 * A folded search string, found as a substring in folded text: in UTF-8 bytes (cached headers) or in a stream
 * of UTF-16 chunks (message text). UTF-8 is self-synchronizing, so a byte match of a whole valid needle is always
 * a match of whole characters.
 */
final class Needle {
    private final String folded;
    private final char[] chars;
    private final byte[] utf8;

    Needle(String value) {
        this.folded = Fold.search(value);
        this.chars = folded.toCharArray();
        this.utf8 = folded.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    boolean isEmpty() {
        return chars.length == 0;
    }

    int length() {
        return chars.length;
    }

    /** Whether the needle occurs in {@code hay[from, to)} (folded UTF-8). */
    boolean in(byte[] hay, int from, int to) {
        byte[] n = utf8;
        if (n.length == 0) {
            return true;
        }
        byte first = n[0];
        int last = to - n.length;
        for (int i = from; i <= last; i++) {
            if (hay[i] != first) {
                continue;
            }
            int k = 1;
            while (k < n.length && hay[i + k] == n[k]) {
                k++;
            }
            if (k == n.length) {
                return true;
            }
        }
        return false;
    }

    /** Whether the needle occurs in {@code text[from, to)} (folded chars). */
    boolean in(char[] text, int from, int to) {
        char[] n = chars;
        if (n.length == 0) {
            return true;
        }
        char first = n[0];
        int last = to - n.length;
        for (int i = from; i <= last; i++) {
            if (text[i] != first) {
                continue;
            }
            int k = 1;
            while (k < n.length && text[i + k] == n[k]) {
                k++;
            }
            if (k == n.length) {
                return true;
            }
        }
        return false;
    }

    /** Whether the needle occurs in an already folded string. */
    boolean in(String foldedText) {
        return foldedText.contains(folded);
    }
}
