package org.poststelle.imap.protocol;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.poststelle.imap.protocol.DecodedFrame.FrameError;

/** Accumulates one command across its lines and literals: tag, command name, the argument tree. */
final class RequestBuilder {
    static final int MAX_DEPTH = 64;
    private static final int MAX_TAG = 64;

    private final int maxMemory;
    private long memory;
    private String tag;
    private String command;
    private final List<ImapArg> top = new ArrayList<>();
    private final Deque<List<ImapArg>> open = new ArrayDeque<>();
    private final List<LiteralData> literals = new ArrayList<>();
    private FrameError error;

    RequestBuilder(int maxMemory) {
        this.maxMemory = maxMemory;
    }

    static RequestBuilder failed(FrameError error) {
        RequestBuilder r = new RequestBuilder(0);
        r.tag = error.tag();
        r.error = error;
        return r;
    }

    String tag() {
        return tag;
    }

    String command() {
        return command;
    }

    boolean ok() {
        return error == null;
    }

    FrameError error() {
        return error;
    }

    int literalCount() {
        return literals.size();
    }

    void fail(FrameError e) {
        if (error == null) {
            error = e;
            releaseLiterals();
        }
    }

    private void fail(String text) {
        fail(new FrameError(tag, command, false, null, text, false));
    }

    boolean fitsInMemory(long n) {
        return memory + n <= maxMemory;
    }

    boolean reserveMemory(long n) {
        if (!fitsInMemory(n)) {
            return false;
        }
        memory += n;
        return true;
    }

    void releaseLiterals() {
        for (LiteralData l : literals) {
            l.release();
        }
        literals.clear();
    }

    void addLiteral(LiteralData data, boolean binary) {
        literals.add(data);
        current().add(new ImapArg.Literal(data, binary));
    }

    private List<ImapArg> current() {
        return open.isEmpty() ? top : open.peek();
    }

    /** Built command, or null (with {@link #error()} set) when the lists do not balance. */
    ImapRequest build() {
        if (!open.isEmpty()) {
            fail("Unbalanced parentheses");
            return null;
        }
        return new ImapRequest(tag, command, top, literals);
    }

    /** Lexes one line segment (without CRLF and without a trailing literal marker). */
    void lex(ByteBuf line) {
        if (!reserveMemory(line.readableBytes())) {
            fail("Command too large");
            return;
        }
        int i = line.readerIndex();
        int end = line.writerIndex();
        if (tag == null) {
            i = lexTagAndCommand(line, i, end);
            if (i < 0) {
                return;
            }
        }
        while (i < end && error == null) {
            byte b = line.getByte(i);
            if (b == ' ') {
                i++;
            } else if (b == '(') {
                if (open.size() >= MAX_DEPTH) {
                    fail("Lists nested too deeply");
                    return;
                }
                List<ImapArg> list = new ArrayList<>();
                open.push(list);
                i++;
            } else if (b == ')') {
                if (open.isEmpty()) {
                    fail("Unbalanced parentheses");
                    return;
                }
                List<ImapArg> list = open.pop();
                current().add(new ImapArg.ArgList(list));
                i++;
            } else if (b == '"') {
                i = quoted(line, i + 1, end);
            } else if (b == '{' || (b == '~' && i + 1 < end && line.getByte(i + 1) == '{')) {
                fail("A literal must end its line");
            } else if (isControl(b)) {
                fail("Invalid character in command");
            } else {
                int j = i;
                while (j < end && isAtomChar(line.getByte(j))) {
                    j++;
                }
                current().add(new ImapArg.Atom(line.toString(i, j - i, StandardCharsets.UTF_8)));
                i = j;
            }
        }
    }

    private int lexTagAndCommand(ByteBuf line, int i, int end) {
        int t = i;
        while (t < end && isTagChar(line.getByte(t))) {
            t++;
        }
        if (t == i || t - i > MAX_TAG || (t < end && line.getByte(t) != ' ')) {
            fail("Invalid tag");
            return -1;
        }
        tag = line.toString(i, t - i, StandardCharsets.US_ASCII);
        if (t >= end) {
            fail("Missing command");
            return -1;
        }
        int c = t + 1;
        int ce = commandEnd(line, c, end);
        if (ce == c) {
            fail("Missing command");
            return -1;
        }
        command = line.toString(c, ce - c, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
        if (command.equals("UID")) {
            if (ce >= end || line.getByte(ce) != ' ') {
                fail("Missing command after UID");
                return -1;
            }
            int s = ce + 1;
            int se = commandEnd(line, s, end);
            if (se == s) {
                fail("Missing command after UID");
                return -1;
            }
            command = "UID " + line.toString(s, se - s, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
            ce = se;
        }
        if (ce < end && line.getByte(ce) != ' ') {
            fail("Invalid command name");
            return -1;
        }
        return ce;
    }

    private static int commandEnd(ByteBuf line, int i, int end) {
        while (i < end) {
            byte b = line.getByte(i);
            if (!((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '_'
                    || b == '.')) {
                break;
            }
            i++;
        }
        return i;
    }

    private int quoted(ByteBuf line, int i, int end) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        while (i < end) {
            byte b = line.getByte(i++);
            if (b == '"') {
                current().add(new ImapArg.Quoted(ImapArg.text(value.toByteArray())));
                return i;
            }
            if (b == '\\') {
                if (i >= end) {
                    break;
                }
                byte e = line.getByte(i++);
                if (e != '"' && e != '\\') {
                    fail("Invalid escape in quoted string");
                    return end;
                }
                value.write(e);
            } else if (b == 0) {
                fail("NUL in quoted string");
                return end;
            } else {
                value.write(b);
            }
        }
        fail("Unterminated quoted string");
        return end;
    }

    /** The tag at the start of an overlong line, or null. */
    static String peekTag(ByteBuf in) {
        int i = in.readerIndex();
        int end = Math.min(in.writerIndex(), i + MAX_TAG + 1);
        int t = i;
        while (t < end && isTagChar(in.getByte(t))) {
            t++;
        }
        if (t == i || t >= end || in.getByte(t) != ' ') {
            return null;
        }
        return in.toString(i, t - i, StandardCharsets.US_ASCII);
    }

    static boolean isControl(byte b) {
        return (b >= 0 && b < 0x20) || b == 0x7f;
    }

    /** Atom characters as the lexer sees them: wider than RFC 3501 atoms ({@code % * ] \} are let through). */
    static boolean isAtomChar(byte b) {
        return !isControl(b) && b != ' ' && b != '(' && b != ')' && b != '"' && b != '{';
    }

    static boolean isTagChar(byte b) {
        return b > ' ' && b < 0x7f && b != '(' && b != ')' && b != '{' && b != '%' && b != '*' && b != '"'
                && b != '\\' && b != '+';
    }
}
