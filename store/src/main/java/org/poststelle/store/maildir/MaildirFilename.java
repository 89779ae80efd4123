package org.poststelle.store.maildir;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.poststelle.store.model.Flags;

/**
 * Maildir file names: {@code <base>:2,<flags>}, where the base (Dovecot's "basename") is unique and carries
 * {@code ,S=<file size>} and {@code ,W=<CRLF size>}. Flag letters, in ASCII order: D (\Draft), F
 * (\Flagged), P (passed, kept but not mapped), R (\Answered), S (\Seen), T (\Deleted), then a..z for the
 * mailbox's keywords (dovecot-keywords).
 *
 * <p>In memory flags are one int: the five {@link Flags} system bits, then bit 5+i for keyword index i.
 */
final class MaildirFilename {
    static final int KEYWORD_SHIFT = 5;
    static final int MAX_KEYWORDS = 26;
    private static final String INFO = ":2,";
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final String PROCESS = processTag();

    private MaildirFilename() {
    }

    /** The part before the info separator ':'. */
    static String basename(String fileName) {
        int colon = fileName.indexOf(':');
        return colon < 0 ? fileName : fileName.substring(0, colon);
    }

    /** The flag letters after ":2,", empty when there are none. */
    static String flagLetters(String fileName) {
        int i = fileName.indexOf(INFO);
        return i < 0 ? "" : fileName.substring(i + INFO.length());
    }

    /** The in-memory flag bits of a file name (unknown letters are ignored). */
    static int flagBits(String fileName) {
        String letters = flagLetters(fileName);
        int bits = 0;
        for (int i = 0; i < letters.length(); i++) {
            bits |= bit(letters.charAt(i));
        }
        return bits;
    }

    private static int bit(char c) {
        switch (c) {
            case 'S':
                return Flags.SEEN;
            case 'R':
                return Flags.ANSWERED;
            case 'F':
                return Flags.FLAGGED;
            case 'T':
                return Flags.DELETED;
            case 'D':
                return Flags.DRAFT;
            default:
                return c >= 'a' && c <= 'z' ? 1 << (KEYWORD_SHIFT + (c - 'a')) : 0;
        }
    }

    /**
     * The file name for new flags, keeping the base and any letters we do not map (such as P) from the
     * current name.
     */
    static String withFlags(String fileName, int bits) {
        String old = flagLetters(fileName);
        StringBuilder letters = new StringBuilder(8);
        for (int i = 0; i < old.length(); i++) {
            char c = old.charAt(i);
            if (bit(c) == 0 && c > ' ' && c != ',' && c != ':' && c != '/') {
                letters.append(c);
            }
        }
        appendLetters(bits, letters);
        char[] sorted = letters.toString().toCharArray();
        Arrays.sort(sorted);
        return basename(fileName) + INFO + new String(sorted);
    }

    /** The name a new file gets in cur/: base plus flags. */
    static String curName(String base, int bits) {
        StringBuilder letters = new StringBuilder(8);
        appendLetters(bits, letters);
        char[] sorted = letters.toString().toCharArray();
        Arrays.sort(sorted);
        return base + INFO + new String(sorted);
    }

    private static void appendLetters(int bits, StringBuilder out) {
        if ((bits & Flags.DRAFT) != 0) {
            out.append('D');
        }
        if ((bits & Flags.FLAGGED) != 0) {
            out.append('F');
        }
        if ((bits & Flags.ANSWERED) != 0) {
            out.append('R');
        }
        if ((bits & Flags.SEEN) != 0) {
            out.append('S');
        }
        if ((bits & Flags.DELETED) != 0) {
            out.append('T');
        }
        for (int k = 0; k < MAX_KEYWORDS; k++) {
            if ((bits & (1 << (KEYWORD_SHIFT + k))) != 0) {
                out.append((char) ('a' + k));
            }
        }
    }

    /** A numeric {@code ,<key>=<n>} field of a base name ({@code S} or {@code W}), or -1. */
    static long sizeField(String base, char key) {
        int i = 0;
        while ((i = base.indexOf(',', i)) >= 0) {
            if (i + 2 < base.length() && base.charAt(i + 1) == key && base.charAt(i + 2) == '=') {
                long v = 0;
                int j = i + 3;
                int digits = 0;
                while (j < base.length() && Character.isDigit(base.charAt(j)) && digits < 18) {
                    v = v * 10 + (base.charAt(j) - '0');
                    j++;
                    digits++;
                }
                if (digits > 0 && (j == base.length() || base.charAt(j) == ',')) {
                    return v;
                }
            }
            i++;
        }
        return -1;
    }

    /**
     * A new unique base in Dovecot's style: {@code <seconds>.M<micros>P<pid>Q<counter>R<random>.<host>},
     * followed by the sizes.
     */
    static String newBase(long fileSize, long crlfSize) {
        java.time.Instant now = java.time.Instant.now();
        long secs = now.getEpochSecond();
        long micros = now.getNano() / 1000;
        return secs + ".M" + micros + PROCESS + "Q" + COUNTER.incrementAndGet() + "." + Host.NAME + ",S=" + fileSize
                + ",W=" + crlfSize;
    }

    /** A unique name for a file in tmp/. */
    static String tmpName() {
        return System.currentTimeMillis() / 1000 + ".tmp" + PROCESS + "Q" + COUNTER.incrementAndGet() + "." + Host.NAME;
    }

    /**
     * Orders names as delivered: runs of digits compare by value, so {@code 17.M9P1} comes before
     * {@code 17.M10P1} (the order new UIDs are given in when no uidlist says otherwise).
     */
    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Whether a directory entry can be a message (not a temporary or hidden file). */
    static boolean isMessageName(String name) {
        if (name.isEmpty() || name.charAt(0) == '.' || name.length() > 255) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == '/' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static String processTag() {
        long pid;
        try {
            pid = ProcessHandle.current().pid();
        } catch (UnsupportedOperationException e) {
            pid = ManagementFactory.getRuntimeMXBean().getStartTime();
        }
        byte[] r = new byte[3];
        new SecureRandom().nextBytes(r);
        return "P" + pid + "R" + String.format("%02x%02x%02x", r[0] & 0xff, r[1] & 0xff, r[2] & 0xff);
    }

    /** The host part of new names, with '/' and ':' escaped as the Maildir specification says. */
    private static final class Host {
        static final String NAME = hostName();

        private static String hostName() {
            String h;
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                h = "localhost";
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < h.length() && sb.length() < 64; i++) {
                char c = h.charAt(i);
                if (c == '/') {
                    sb.append("\\057");
                } else if (c == ':') {
                    sb.append("\\072");
                } else if (c == ',') {
                    sb.append("\\054");
                } else if (c > ' ' && c < 0x7f) {
                    sb.append(c);
                }
            }
            return sb.length() == 0 ? "localhost" : sb.toString();
        }
    }
}
