package org.poststelle.core.auth.hash;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How the hash after {@code {SCHEME}} is written: as is (crypt strings, plaintext), base64 or hex. A scheme
 * has a default; Dovecot's {@code .B64}/{@code .BASE64}/{@code .HEX} suffix on the scheme name overrides it.
 */
enum PasswordEncoding {
    NONE, BASE64, HEX;

    static PasswordEncoding fromSuffix(String suffix) {
        return switch (suffix.toUpperCase(Locale.ROOT)) {
            case "B64", "BASE64" -> BASE64;
            case "HEX" -> HEX;
            default -> throw new IllegalArgumentException("unknown password encoding ." + suffix);
        };
    }

    /**
     * @param rawLength the fixed decoded length of the scheme, or 0; like Dovecot, a base64 scheme whose text
     *     has exactly twice that many hex digits is read as hex
     */
    byte[] decode(String text, int rawLength) {
        switch (this) {
            case NONE:
                return text.getBytes(StandardCharsets.UTF_8);
            case HEX:
                return HexFormat.of().parseHex(text);
            default:
                if (rawLength > 0 && text.length() == rawLength * 2 && isHex(text)) {
                    return HexFormat.of().parseHex(text);
                }
                // padding is optional for the JDK's decoder, as for Dovecot's
                return Base64.getDecoder().decode(text);
        }
    }

    String encode(byte[] raw) {
        return switch (this) {
            case NONE -> new String(raw, StandardCharsets.UTF_8);
            case HEX -> HexFormat.of().formatHex(raw);
            case BASE64 -> Base64.getEncoder().encodeToString(raw);
        };
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
