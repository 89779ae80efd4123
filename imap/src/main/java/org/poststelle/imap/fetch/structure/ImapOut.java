package org.poststelle.imap.fetch.structure;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that writes IMAP syntax: atoms, numbers, NIL and strings. A string goes out quoted
 * when it can (only 7-bit chars, no CR/LF, not very long; {@code "} and {@code \} escaped) and as a literal
 * {@code {n}\r\n...} otherwise (RFC 3501 §4.3, RFC 9051 §4.3). NUL cannot appear in either form, so it is
 * sent as U+FFFD.
 */
public final class ImapOut {
    /** Strings longer than this many bytes go out as literals, keeping response lines reasonable. */
    static final int LONG_STRING = 4096;

    private byte[] buf;
    private int len;

    public ImapOut() {
        this(256);
    }

    public ImapOut(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    public ImapOut atom(String ascii) {
        ensure(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            buf[len++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    public ImapOut sp() {
        return put((byte) ' ');
    }

    public ImapOut open() {
        return put((byte) '(');
    }

    public ImapOut close() {
        return put((byte) ')');
    }

    public ImapOut nil() {
        return atom("NIL");
    }

    public ImapOut number(long n) {
        return atom(Long.toString(n));
    }

    /** NIL for null, else {@link #string}. */
    public ImapOut nstring(String s) {
        return s == null ? nil() : string(s);
    }

    public ImapOut string(String s) {
        byte[] b = s.indexOf('\0') < 0 ? s.getBytes(StandardCharsets.UTF_8)
                : s.replace('\0', '\uFFFD').getBytes(StandardCharsets.UTF_8);
        if (needsLiteral(b)) {
            atom("{" + b.length + "}\r\n");
            return bytes(b);
        }
        int escapes = 0;
        for (byte c : b) {
            if (c == '"' || c == '\\') {
                escapes++;
            }
        }
        ensure(b.length + escapes + 2);
        buf[len++] = '"';
        for (byte c : b) {
            if (c == '"' || c == '\\') {
                buf[len++] = '\\';
            }
            buf[len++] = c;
        }
        buf[len++] = '"';
        return this;
    }

    static boolean needsLiteral(byte[] b) {
        if (b.length > LONG_STRING) {
            return true;
        }
        for (byte c : b) {
            if (c == '\r' || c == '\n' || c < 0) {
                return true;
            }
        }
        return false;
    }

    public ImapOut bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    public int length() {
        return len;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    private ImapOut put(byte b) {
        ensure(1);
        buf[len++] = b;
        return this;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
