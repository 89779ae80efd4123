package org.poststelle.imap.handler;

/**
 * A LIST/LSUB pattern: {@code *} matches anything, {@code %} anything but the hierarchy delimiter. The INBOX
 * prefix matches case-insensitively, as INBOX itself does. Matching is by dynamic programming over the
 * pattern, so hostile patterns full of wildcards cost O(pattern x name), never exponential time.
 */
final class MailboxPattern {
    static final int MAX_LENGTH = 1024;

    private final char[] pattern;

    private MailboxPattern(String p) {
        this.pattern = p.toCharArray();
    }

    /** Reference and pattern joined as RFC 3501 section 6.3.8 describes (plain concatenation). */
    static MailboxPattern of(String reference, String pattern) {
        String full = reference + pattern;
        StringBuilder sb = new StringBuilder(full.length());
        for (int i = 0; i < full.length(); i++) {
            char c = full.charAt(i);
            // "**" means the same as "*": collapsing keeps the pattern short
            if (c == '*' && sb.length() > 0 && sb.charAt(sb.length() - 1) == '*') {
                continue;
            }
            sb.append(c);
        }
        String p = sb.toString();
        if (p.length() >= 5 && p.substring(0, 5).equalsIgnoreCase("INBOX")
                && (p.length() == 5 || p.charAt(5) == '/')) {
            p = "INBOX" + p.substring(5);
        }
        return new MailboxPattern(p);
    }

    boolean matches(String name) {
        int n = name.length();
        boolean[] prev = new boolean[n + 1];
        boolean[] cur = new boolean[n + 1];
        prev[0] = true;
        for (char p : pattern) {
            if (p == '*') {
                cur[0] = prev[0];
                for (int j = 1; j <= n; j++) {
                    cur[j] = prev[j] || cur[j - 1];
                }
            } else if (p == '%') {
                cur[0] = prev[0];
                for (int j = 1; j <= n; j++) {
                    cur[j] = prev[j] || (cur[j - 1] && name.charAt(j - 1) != '/');
                }
            } else {
                cur[0] = false;
                for (int j = 1; j <= n; j++) {
                    cur[j] = prev[j - 1] && name.charAt(j - 1) == p;
                }
            }
            boolean[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[n];
    }

    /** Whether the pattern ends in {@code %}: LSUB then also shows unsubscribed parents as \Noselect. */
    boolean endsWithPercent() {
        return pattern.length > 0 && pattern[pattern.length - 1] == '%';
    }
}
