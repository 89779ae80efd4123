package org.poststelle.store.maildir;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** Mailbox GUIDs and stable message ids (RFC 8474 object ids: 1-255 of A-Z a-z 0-9 _ -). */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {
    }

    /** A new 128-bit GUID in hex, as Dovecot writes in dovecot-uidlist headers. */
    static String newGuid() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        StringBuilder sb = new StringBuilder(32);
        for (byte x : b) {
            sb.append(HEX[(x >> 4) & 15]).append(HEX[x & 15]);
        }
        return sb.toString();
    }

    static boolean isObjectId(String s) {
        if (s == null || s.isEmpty() || s.length() > 255) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The message id: Dovecot's message GUID when it has one that is a valid object id, else a 128-bit hash
     * of the GUID or of the file's base name, which never changes for the life of the file.
     */
    static String emailId(String guid, String basename) {
        if (isObjectId(guid)) {
            return guid;
        }
        return hash128(guid != null ? guid : basename);
    }

    static String hash128(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        long h1 = 0x9E3779B97F4A7C15L;
        long h2 = 0xC2B2AE3D27D4EB4FL ^ b.length;
        for (byte x : b) {
            h1 = (h1 ^ (x & 0xff)) * 0x100000001B3L;
            h2 = Long.rotateLeft(h2 ^ ((x & 0xff) * 0x87C37B91114253D5L), 31) * 0x4CF5AD432745937FL;
        }
        h1 = fmix(h1 ^ h2);
        h2 = fmix(h2 + h1);
        StringBuilder sb = new StringBuilder(32);
        appendHex(sb, h1);
        appendHex(sb, h2);
        return sb.toString();
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    private static void appendHex(StringBuilder sb, long v) {
        for (int i = 60; i >= 0; i -= 4) {
            sb.append(HEX[(int) (v >>> i) & 15]);
        }
    }
}
