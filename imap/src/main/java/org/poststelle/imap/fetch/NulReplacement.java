package org.poststelle.imap.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Stored octets for a plain literal (BODY[...], RFC822*): a literal must not carry NUL (RFC 3501 §4.3, RFC
 * 9051 §4.3), yet a literal8 APPEND or a delivery can store it. Each NUL becomes 0x80, as the reference
 * server does; one octet for one, so literal sizes and partial offsets stay those of the stored message.
 * Only BINARY may send NUL, in a literal8.
 */
final class NulReplacement {
    static final byte REPLACEMENT = (byte) 0x80;

    private NulReplacement() {
    }

    /** {@code bytes} itself when it has no NUL, else a copy with NUL replaced (the array may be shared). */
    static byte[] copyIfNeeded(byte[] bytes) {
        int i = firstNul(bytes, 0, bytes.length);
        if (i < 0) {
            return bytes;
        }
        byte[] copy = bytes.clone();
        replaceInPlace(copy, i, copy.length);
        return copy;
    }

    /** Index of the first NUL in {@code bytes[from, to)}, or -1. */
    static int firstNul(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Replaces NUL in an array this caller owns. */
    static void replaceInPlace(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == 0) {
                bytes[i] = REPLACEMENT;
            }
        }
    }

    /** A stream giving {@code in}'s octets with NUL replaced. */
    static InputStream filter(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = in.read();
                return b == 0 ? REPLACEMENT & 0xff : b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    replaceInPlace(b, off, off + n);
                }
                return n;
            }
        };
    }
}
