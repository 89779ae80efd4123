package org.poststelle.store.mime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Test helpers: messages written with LF, handed to the parser in CRLF form as the store does. */
final class Messages {
    private Messages() {
    }

    static byte[] crlf(String lfMessage) {
        return crlf(lfMessage.getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] crlf(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 20);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n' && (i == 0 || in[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(in[i]);
        }
        return out.toByteArray();
    }

    static MessageStructure parse(byte[] message) {
        try {
            return MessageStructure.parse(new ByteArrayInputStream(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a range as text (ISO-8859-1, one char per byte). */
    static String slice(byte[] message, long offset, long length) {
        return new String(Arrays.copyOfRange(message, (int) offset, (int) (offset + length)),
                StandardCharsets.ISO_8859_1);
    }

    static String header(byte[] message, MimePart p) {
        return slice(message, p.headerOffset(), p.headerLength());
    }

    static String body(byte[] message, MimePart p) {
        return slice(message, p.bodyOffset(), p.bodyLength());
    }
}
