package org.poststelle.imap.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.ModifiedUtf7;

/**
 * Writes IMAP response syntax into buffers. Tokens are separated by single spaces automatically (none after
 * an opening parenthesis or at the start of a line, none before a closing one). Strings choose their form
 * themselves: an atom where allowed, a quoted string when safe, a literal otherwise.
 *
 * <p>Output accumulates as "pieces": buffers, and {@link LiteralBody}s for message bytes that are streamed
 * rather than copied. The caller (the session's responder) takes them with {@link #drain()}.
 */
public final class ImapWriter {
    /** Strings longer than this are sent as literals rather than quoted. */
    static final int MAX_QUOTED = 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] NIL = {'N', 'I', 'L'};

    private final ByteBufAllocator alloc;
    private final List<Object> pieces = new ArrayList<>();
    private ByteBuf buf;
    private boolean space;
    private boolean utf8;

    public ImapWriter(ByteBufAllocator alloc) {
        this.alloc = alloc;
    }

    /** Mailbox names and quoted strings may carry UTF-8 (IMAP4rev2 / UTF8=ACCEPT) instead of modified UTF-7. */
    public void utf8(boolean on) {
        this.utf8 = on;
    }

    public boolean utf8() {
        return utf8;
    }

    private ByteBuf buf() {
        if (buf == null) {
            buf = alloc.buffer(256);
        }
        return buf;
    }

    private ByteBuf token() {
        ByteBuf b = buf();
        if (space) {
            b.writeByte(' ');
        }
        space = true;
        return b;
    }

    /** Bytes written to the current buffer and not yet drained. */
    public int buffered() {
        return buf == null ? 0 : buf.readableBytes();
    }

    public boolean hasPieces() {
        return !pieces.isEmpty() || buffered() > 0;
    }

    /** Completed output in order: {@link ByteBuf}s and {@link LiteralBody}s. The caller owns them. */
    public List<Object> drain() {
        if (buf != null && buf.isReadable()) {
            pieces.add(buf);
            buf = null;
        }
        List<Object> out = new ArrayList<>(pieces);
        pieces.clear();
        return out;
    }

    /** Releases anything not drained (the channel closed). */
    public void discard() {
        for (Object p : drain()) {
            if (p instanceof ByteBuf b) {
                b.release();
            } else if (p instanceof LiteralBody body) {
                body.release();
            }
        }
    }

    public ImapWriter untagged() {
        buf().writeByte('*');
        space = true;
        return this;
    }

    public ImapWriter continuation() {
        buf().writeByte('+');
        space = true;
        return this;
    }

    public ImapWriter tag(String tag) {
        buf().writeCharSequence(tag, StandardCharsets.US_ASCII);
        space = true;
        return this;
    }

    /** Raw atom text: keywords, flags, response names. The caller guarantees atom syntax. */
    public ImapWriter atom(String s) {
        token().writeCharSequence(s, StandardCharsets.US_ASCII);
        return this;
    }

    /** Raw bytes, e.g. pre-encoded atoms. */
    public ImapWriter atom(byte[] ascii) {
        token().writeBytes(ascii);
        return this;
    }

    public ImapWriter number(long n) {
        writeDecimal(token(), n);
        return this;
    }

    static void writeDecimal(ByteBuf b, long n) {
        if (n < 0) {
            b.writeByte('-');
            n = -n;
        }
        if (n < 10) {
            b.writeByte((int) ('0' + n));
            return;
        }
        int start = b.writerIndex();
        while (n > 0) {
            b.writeByte((int) ('0' + n % 10));
            n /= 10;
        }
        int end = b.writerIndex() - 1;
        for (int i = start; i < end; i++, end--) {
            byte t = b.getByte(i);
            b.setByte(i, b.getByte(end));
            b.setByte(end, t);
        }
    }

    public ImapWriter nil() {
        token().writeBytes(NIL);
        return this;
    }

    /** Opens a parenthesised list. */
    public ImapWriter open() {
        token().writeByte('(');
        space = false;
        return this;
    }

    public ImapWriter close() {
        buf().writeByte(')');
        space = true;
        return this;
    }

    /** Opens a response code: {@code [}. */
    public ImapWriter openCode() {
        token().writeByte('[');
        space = false;
        return this;
    }

    public ImapWriter closeCode() {
        buf().writeByte(']');
        space = true;
        return this;
    }

    /** Free text to the end of the line (resp-text); CR, LF and NUL are replaced by spaces. */
    public ImapWriter text(String s) {
        ByteBuf b = token();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r' || bytes[i] == '\n' || bytes[i] == 0) {
                bytes[i] = ' ';
            }
        }
        b.writeBytes(bytes);
        return this;
    }

    /** Appends directly after the previous token without a space (e.g. {@code BODY[]} then {@code <0>}). */
    public ImapWriter glued(String s) {
        buf().writeCharSequence(s, StandardCharsets.US_ASCII);
        space = true;
        return this;
    }

    public ImapWriter end() {
        buf().writeBytes(CRLF);
        space = false;
        return this;
    }

    /** A string: quoted when it can be, otherwise a literal. */
    public ImapWriter string(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (quotable(bytes)) {
            quoted(bytes);
        } else {
            literal(bytes);
        }
        return this;
    }

    /** nstring: NIL for null. */
    public ImapWriter nstring(String s) {
        return s == null ? nil() : string(s);
    }

    /** astring: a bare atom when it is one (and not NIL), else a string. */
    public ImapWriter astring(String s) {
        if (isAtom(s) && !s.equalsIgnoreCase("NIL")) {
            return atom(s);
        }
        return string(s);
    }

    /** A mailbox name, encoded for the session (modified UTF-7 or UTF-8). */
    public ImapWriter mailbox(MailboxName name) {
        return mailbox(name.name());
    }

    public ImapWriter mailbox(String name) {
        String wire = utf8 ? name : ModifiedUtf7.encode(name);
        if (isAtom(wire) && !wire.equalsIgnoreCase("NIL")) {
            return atom(wire);
        }
        return string(wire);
    }

    public ImapWriter quoted(String s) {
        return quoted(s.getBytes(StandardCharsets.UTF_8));
    }

    private ImapWriter quoted(byte[] bytes) {
        ByteBuf b = token();
        b.writeByte('"');
        for (byte c : bytes) {
            if (c == '"' || c == '\\') {
                b.writeByte('\\');
            }
            b.writeByte(c);
        }
        b.writeByte('"');
        return this;
    }

    /** A literal with the given bytes, copied into the output. */
    public ImapWriter literal(byte[] bytes) {
        ByteBuf b = token();
        b.writeByte('{');
        writeDecimal(b, bytes.length);
        b.writeBytes(CRLF_BRACE);
        b.writeBytes(bytes);
        return this;
    }

    /** A literal from a buffer; the writer takes ownership of {@code bytes}. */
    public ImapWriter literal(ByteBuf bytes) {
        ByteBuf b = token();
        b.writeByte('{');
        writeDecimal(b, bytes.readableBytes());
        b.writeBytes(CRLF_BRACE);
        if (bytes.readableBytes() <= 4096) {
            b.writeBytes(bytes);
            bytes.release();
        } else {
            pieces.add(buf);
            buf = null;
            pieces.add(bytes);
        }
        return this;
    }

    /** A literal streamed from a stored message; the writer takes ownership of {@code body}. */
    public ImapWriter literal(LiteralBody body) {
        ByteBuf b = token();
        b.writeByte('{');
        writeDecimal(b, body.length());
        b.writeBytes(CRLF_BRACE);
        if (body.length() > 0) {
            pieces.add(buf);
            buf = null;
            pieces.add(body);
        } else {
            body.release();
        }
        return this;
    }

    private static final byte[] CRLF_BRACE = {'}', '\r', '\n'};

    /** A literal8 ({@code ~{n}}, RFC 3516) with the given bytes, which may contain NUL. */
    public ImapWriter literal8(byte[] bytes) {
        tilde();
        return literal(bytes);
    }

    /** A literal8 streamed from a stored message; the writer takes ownership of {@code body}. */
    public ImapWriter literal8(LiteralBody body) {
        tilde();
        return literal(body);
    }

    /** The {@code ~} of a literal8, glued to the literal that follows. */
    private void tilde() {
        token().writeByte('~');
        space = false;
    }

    private boolean quotable(byte[] bytes) {
        if (bytes.length > MAX_QUOTED) {
            return false;
        }
        for (byte c : bytes) {
            if (c == '\r' || c == '\n' || c == 0 || (c < 0 && !utf8)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} is an IMAP atom (ASCII, no atom-specials). */
    public static boolean isAtom(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '(' || c == ')' || c == '{' || c == '"' || c == '\\' || c == '%'
                    || c == '*' || c == ']') {
                return false;
            }
        }
        return true;
    }

}
