package org.poststelle.imap.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * IMAP's modified UTF-7 for mailbox names (RFC 3501 section 5.1.3): printable ASCII stands for itself,
 * {@code &} is {@code &-}, anything else is UTF-16 in modified base64 ({@code ,} instead of {@code /})
 * between {@code &} and {@code -}.
 */
public final class ModifiedUtf7 {
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private ModifiedUtf7() {
    }

    public static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '&') {
                out.append("&-");
                i++;
            } else if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
                i++;
            } else {
                int j = i;
                while (j < s.length() && (s.charAt(j) < 0x20 || s.charAt(j) > 0x7e)) {
                    j++;
                }
                byte[] utf16 = s.substring(i, j).getBytes(StandardCharsets.UTF_16BE);
                out.append('&').append(ENCODER.encodeToString(utf16).replace('/', ',')).append('-');
                i = j;
            }
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException when {@code s} is not valid modified UTF-7 */
    public static String decode(String s) {
        if (s.indexOf('&') < 0) {
            checkAscii(s);
            return s;
        }
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
                throw new IllegalArgumentException("unterminated modified UTF-7 sequence");
            }
            if (end == i + 1) {
                out.append('&');
            } else {
                String b64 = s.substring(i + 1, end).replace(',', '/');
                if (b64.indexOf('=') >= 0 || b64.length() % 4 == 1) {
                    throw new IllegalArgumentException("bad modified UTF-7 sequence");
                }
                byte[] utf16;
                try {
                    utf16 = DECODER.decode(b64);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("bad modified UTF-7 sequence");
                }
                if (utf16.length == 0 || utf16.length % 2 != 0) {
                    throw new IllegalArgumentException("bad modified UTF-7 sequence");
                }
                String decoded = decodeUtf16(utf16);
                for (int k = 0; k < decoded.length(); k++) {
                    char d = decoded.charAt(k);
                    if (d >= 0x20 && d <= 0x7e) {
                        // RFC 3501: printable ASCII must not be base64-encoded (one name, one spelling)
                        throw new IllegalArgumentException("needlessly encoded ASCII in modified UTF-7");
                    }
                }
                out.append(decoded);
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static String decodeUtf16(byte[] utf16) {
        var decoder = StandardCharsets.UTF_16BE.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(utf16)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("bad UTF-16 in modified UTF-7");
        }
    }

    private static void checkAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("not modified UTF-7");
            }
        }
    }

}
