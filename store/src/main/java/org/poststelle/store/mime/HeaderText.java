package org.poststelle.store.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Header bytes as Java text. Parsing works on "byte strings" (ISO-8859-1, one char per byte) so that token
 * rules match the bytes exactly; values handed out are then re-read as UTF-8 when they are valid UTF-8 (the
 * usual 8-bit header today), else kept byte-per-char, so that clients always get valid UTF-8 (the reference
 * server passes such bytes through raw). NUL cannot travel in IMAP strings, so it becomes U+FFFD.
 */
final class HeaderText {
    private HeaderText() {
    }

    /** Bytes to a byte string (one char per byte). */
    static String bytes(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    /** A parsed byte string to the text handed out. Null stays null. */
    static String display(String byteString) {
        if (byteString == null) {
            return null;
        }
        boolean plain = true;
        for (int i = 0; i < byteString.length(); i++) {
            char c = byteString.charAt(i);
            if (c >= 0x80 || c == 0) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return byteString;
        }
        byte[] raw = byteString.getBytes(StandardCharsets.ISO_8859_1);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            text = byteString;
        }
        return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }

    private static final java.util.Map<String, String> COMMON = new java.util.HashMap<>();

    static {
        for (String s : new String[] {"text", "plain", "html", "enriched", "calendar", "multipart", "mixed",
            "alternative", "related", "digest", "signed", "report", "application", "octet-stream", "pdf",
            "pkcs7-signature", "pgp-signature", "ms-tnef", "image", "png", "jpeg", "gif", "message", "rfc822",
            "delivery-status", "charset", "utf-8", "UTF-8", "us-ascii", "US-ASCII", "iso-8859-1", "ISO-8859-1",
            "iso-8859-15", "windows-1252", "format", "flowed", "delsp", "yes", "7bit", "8bit", "binary", "base64",
            "quoted-printable", "7BIT", "8BIT", "BASE64", "QUOTED-PRINTABLE", "boundary", "name", "filename",
            "size", "attachment", "inline", "TEXT", "PLAIN", "HTML", "MULTIPART", "MIXED", "ALTERNATIVE"}) {
            COMMON.put(s, s);
        }
    }

    /**
     * One shared instance for the values that occur in almost every message (types, charsets, encodings,
     * parameter names), so that cached structures of a big mailbox do not hold millions of copies.
     */
    static String shared(String s) {
        if (s == null || s.length() > 16) {
            return s;
        }
        String c = COMMON.get(s);
        return c != null ? c : s;
    }

    static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }

    /** Strips leading spaces and tabs (the blank after "Name:" and folding at the start of a value). */
    static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && isWsp(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }
}
