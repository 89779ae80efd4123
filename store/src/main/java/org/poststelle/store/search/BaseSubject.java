package org.poststelle.store.search;

/**
 * The base subject of RFC 5256 section 2.1, used by SORT SUBJECT and both THREAD algorithms, and whether the
 * subject marked a reply or forward (section 3, REFERENCES step 4).
 *
 * @param text the base subject (not case-folded)
 * @param replyOrForward whether a subj-refwd, a {@code (fwd)} trailer or a {@code [fwd: ...]} wrapper was removed
 */
public record BaseSubject(String text, boolean replyOrForward) {

    /**
     * Extracts the base subject from a Subject header value (raw: RFC 2047 encoded words are decoded here).
     */
    public static BaseSubject of(String subjectValue) {
        // (1) decode encoded words; tabs, continuations and runs of white space become one space
        String s = packWhitespace(HeaderValues.decodeWords(HeaderValues.unfold(subjectValue)));
        Extraction x = new Extraction(s);
        do {
            x.removeTrailers(); // (2)
            boolean found;
            do {
                found = x.removeLeader(); // (3)
                found = x.removeBlobLeavingText() || found; // (4)
            } while (found); // (5)
        } while (x.removeFwdWrapper()); // (6)
        return new BaseSubject(x.result(), x.replyOrForward); // (7)
    }

    private static String packWhitespace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean lastSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (!lastSpace) {
                    sb.append(' ');
                    lastSpace = true;
                }
            } else {
                sb.append(c);
                lastSpace = false;
            }
        }
        return sb.toString();
    }

    /** The text between start and end of the working string, shrunk from both sides. */
    private static final class Extraction {
        private final String s;
        private int start;
        private int end;
        private boolean replyOrForward;

        Extraction(String s) {
            this.s = s;
            this.end = s.length();
        }

        String result() {
            return s.substring(start, end);
        }

        /** subj-trailer = "(fwd)" / WSP, as often as it occurs. */
        void removeTrailers() {
            while (end > start) {
                if (s.charAt(end - 1) == ' ') {
                    end--;
                } else if (end - start >= 5 && s.regionMatches(true, end - 5, "(fwd)", 0, 5)) {
                    replyOrForward = true;
                    end -= 5;
                } else {
                    break;
                }
            }
        }

        /** subj-leader = (*subj-blob subj-refwd) / WSP. */
        boolean removeLeader() {
            boolean removed = false;
            if (start < end && s.charAt(start) == ' ') {
                start++;
                removed = true;
            }
            int p = start;
            while (p < end && s.charAt(p) == '[') {
                int after = skipBlob(p);
                if (after < 0) {
                    return removed;
                }
                p = after;
            }
            // subj-refwd = ("re" / ("fw" ["d"])) *WSP [subj-blob] ":"
            if (startsWith(p, "re")) {
                p += 2;
            } else if (startsWith(p, "fwd")) {
                p += 3;
            } else if (startsWith(p, "fw")) {
                p += 2;
            } else {
                return removed;
            }
            while (p < end && s.charAt(p) == ' ') {
                p++;
            }
            if (p < end && s.charAt(p) == '[') {
                p = skipBlob(p);
                if (p < 0) {
                    return removed;
                }
            }
            if (p >= end || s.charAt(p) != ':') {
                return removed;
            }
            start = p + 1;
            replyOrForward = true;
            return true;
        }

        /** A leading subj-blob, when something is left after it. */
        boolean removeBlobLeavingText() {
            if (start < end && s.charAt(start) == '[') {
                int after = skipBlob(start);
                if (after > 0 && after < end) {
                    start = after;
                    return true;
                }
            }
            return false;
        }

        /** subj-fwd-hdr "[fwd:" ... subj-fwd-trl "]" around the whole rest. */
        boolean removeFwdWrapper() {
            if (end - start >= 6 && s.regionMatches(true, start, "[fwd:", 0, 5) && s.charAt(end - 1) == ']') {
                start += 5;
                end--;
                replyOrForward = true;
                return true;
            }
            return false;
        }

        /** subj-blob = "[" *BLOBCHAR "]" *WSP; returns the index after it, or -1. */
        private int skipBlob(int p) {
            int q = p + 1;
            while (q < end && s.charAt(q) != '[' && s.charAt(q) != ']') {
                q++;
            }
            if (q >= end || s.charAt(q) != ']') {
                return -1;
            }
            q++;
            while (q < end && s.charAt(q) == ' ') {
                q++;
            }
            return q;
        }

        private boolean startsWith(int p, String word) {
            return end - p >= word.length() && s.regionMatches(true, p, word, 0, word.length());
        }
    }
}
