package org.poststelle.store.model;

import java.nio.charset.StandardCharsets;

/**
 * IMAP modified UTF-7 (RFC 3501 section 5.1.3): the encoding of mailbox names on the wire for IMAP4rev1 clients,
 * and the one Dovecot uses for Maildir++ folder names on disk. Printable ASCII stands for itself except
 * {@code &}, which is written {@code &-}; everything else is UTF-16 in a modified base64 run ({@code ,} instead
 * of {@code /}, no padding) between {@code &} and {@code -}. One codec for both uses: they differ only in which
 * printable characters the disk form also encodes ({@code .}, the Maildir++ separator) and in whether such an
 * encoded printable character is accepted when decoding.
 */
public final class ModifiedUtf7 {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".toCharArray();
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = i;
        }
    }

    private ModifiedUtf7() {
    }

    /** Encodes a name as RFC 3501 wants it on the wire. */
    public static String encode(String s) {
        return encode(s, "");
    }

    /** Encodes a name; the characters in {@code alsoEncode} are base64-encoded although printable. */
    public static String encode(String s, String alsoEncode) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '&') {
                out.append("&-");
                i++;
            } else if (c >= 0x20 && c <= 0x7e && alsoEncode.indexOf(c) < 0) {
                out.append(c);
                i++;
            } else {
                int end = i;
                while (end < s.length()) {
                    char d = s.charAt(end);
                    if (d >= 0x20 && d <= 0x7e && alsoEncode.indexOf(d) < 0) {
                        break;
                    }
                    end++;
                }
                out.append('&');
                base64(s.substring(i, end).getBytes(StandardCharsets.UTF_16BE), out);
                out.append('-');
                i = end;
            }
        }
        return out.toString();
    }

    private static void base64(byte[] b, StringBuilder out) {
        int i = 0;
        for (; i + 2 < b.length; i += 3) {
            int v = (b[i] & 0xff) << 16 | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff);
            out.append(ALPHABET[v >> 18 & 63]).append(ALPHABET[v >> 12 & 63]).append(ALPHABET[v >> 6 & 63])
                    .append(ALPHABET[v & 63]);
        }
        int rest = b.length - i;
        if (rest == 1) {
            int v = (b[i] & 0xff) << 16;
            out.append(ALPHABET[v >> 18 & 63]).append(ALPHABET[v >> 12 & 63]);
        } else if (rest == 2) {
            int v = (b[i] & 0xff) << 16 | (b[i + 1] & 0xff) << 8;
            out.append(ALPHABET[v >> 18 & 63]).append(ALPHABET[v >> 12 & 63]).append(ALPHABET[v >> 6 & 63]);
        }
    }

    /**
     * Decodes a name from a client: strict, as RFC 3501 wants (printable ASCII must not be base64-encoded, so
     * each name has one spelling and two spellings cannot name two mailboxes).
     *
     * @throws IllegalArgumentException when the name is not valid modified UTF-7
     */
    public static String decode(String s) {
        return decode(s, false);
    }

    /**
     * Decodes a name from disk, where encoded printable characters are expected (the {@code .} of
     * {@link #encode(String, String)}). Lenient where it costs nothing, strict where a wrong answer would be
     * dangerous.
     *
     * @throws IllegalArgumentException when the name is not valid modified UTF-7
     */
    public static String decodeStored(String s) {
        return decode(s, true);
    }

    private static String decode(String s, boolean encodedAsciiAllowed) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '&') {
                if (c < 0x20 || c > 0x7e) {
                    throw new IllegalArgumentException("not modified UTF-7");
                }
                out.append(c);
                i++;
                continue;
            }
            int end = s.indexOf('-', i + 1);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated base64 run");
            }
            if (end == i + 1) {
                out.append('&');
            } else {
                String run = decodeRun(s, i + 1, end);
                if (!encodedAsciiAllowed && run.chars().anyMatch(d -> d >= 0x20 && d <= 0x7e)) {
                    throw new IllegalArgumentException("needlessly encoded ASCII in modified UTF-7");
                }
                out.append(run);
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static String decodeRun(String s, int from, int to) {
        byte[] bytes = new byte[(to - from) * 6 / 8];
        int n = 0;
        int bits = 0;
        int acc = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int v = c < 128 ? VALUES[c] : -1;
            if (v < 0) {
                throw new IllegalArgumentException("bad base64 character");
            }
            acc = acc << 6 | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                bytes[n++] = (byte) (acc >> bits);
                acc &= (1 << bits) - 1;
            }
        }
        if (acc != 0 || bits >= 6 || n == 0 || n % 2 != 0) {
            throw new IllegalArgumentException("bad base64 run");
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_16BE.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("invalid UTF-16");
        }
        return decoded;
    }
}
