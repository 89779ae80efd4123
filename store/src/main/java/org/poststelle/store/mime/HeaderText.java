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
