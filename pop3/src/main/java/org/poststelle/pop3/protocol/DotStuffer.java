package org.poststelle.pop3.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ByteProcessor;

/**
 * Turns message bytes into the body of a POP3 multi-line response, chunk by chunk, keeping state across
 * chunks (RFC 1939 section 3): a line starting with "." gets another "." in front, a bare LF becomes CRLF,
 * a last line without a line ending gets one, and {@link #finish} writes the terminating ".". For TOP it
 * also stops after the header, the blank line and the requested number of body lines.
 *
 * <p>A chunk that needs no change (the common case: CRLF mail with few lines starting with a dot) is passed
 * through as is, without a copy. The scan is one {@link ByteBuf#forEachByte} pass that stops only where
 * something must be inserted.
 */
public final class DotStuffer {
    private static final long ALL_LINES = Long.MAX_VALUE;

    private enum Action { NONE, DOT, CR, STOP }

    private boolean lineStart = true;
    private boolean prevCr;
    private boolean lineEmpty = true;
    private boolean inBody;
    private long bodyLinesLeft;
    private boolean complete;
    private Action action = Action.NONE;

    /** Runs over the bytes, updating the state; returns false where an insertion is due or TOP is done. */
    private final ByteProcessor scanner = b -> {
        if (lineStart) {
            if (inBody && bodyLinesLeft == 0) {
                action = Action.STOP;
                return false;
            }
            lineStart = false;
            if (b == '.') {
                prevCr = false;
                lineEmpty = false;
                action = Action.DOT;
                return false;
            }
        }
        if (b == '\n') {
            boolean bare = !prevCr;
            endOfLine();
            if (bare) {
                action = Action.CR;
                return false;
            }
            return true;
        }
        if (b == '\r') {
            // a CR right before the LF still leaves the line blank (the header's end)
            lineEmpty = lineEmpty && !prevCr;
            prevCr = true;
        } else {
            prevCr = false;
            lineEmpty = false;
        }
        return true;
    };

    /** @param bodyLines body lines to send after the header (TOP), or a negative number for the whole message */
    public DotStuffer(long bodyLines) {
        this.bodyLinesLeft = bodyLines < 0 ? ALL_LINES : bodyLines;
    }

    /** A stuffer for the whole message (RETR). */
    public static DotStuffer all() {
        return new DotStuffer(-1);
    }

    /** True once TOP's lines are all out: the rest of the message is not needed. */
    public boolean complete() {
        return complete;
    }

    private void endOfLine() {
        if (!inBody) {
            inBody = lineEmpty; // the first blank line ends the header
        } else if (bodyLinesLeft != ALL_LINES && bodyLinesLeft > 0) {
            bodyLinesLeft--;
        }
        lineStart = true;
        prevCr = false;
        lineEmpty = true;
    }

    /**
     * Stuffs the readable bytes of {@code in}, which this call takes over (it is returned or released).
     *
     * @return the bytes to send for this chunk
     */
    public ByteBuf stuff(ByteBuf in, ByteBufAllocator alloc) {
        int i = in.readerIndex();
        int end = in.writerIndex();
        int copyFrom = i;
        ByteBuf out = null;
        while (i < end) {
            action = Action.NONE;
            int at = in.forEachByte(i, end - i, scanner);
            if (at < 0) {
                break;
            }
            if (action == Action.STOP) {
                complete = true;
                end = at;
                break;
            }
            if (out == null) {
                int size = in.readableBytes();
                out = alloc.ioBuffer(size + (size >> 6) + 16);
            }
            out.writeBytes(in, copyFrom, at - copyFrom);
            out.writeByte(action == Action.DOT ? '.' : '\r');
            copyFrom = at;
            i = at + 1;
        }
        if (out == null) {
            in.writerIndex(end);
            return in;
        }
        out.writeBytes(in, copyFrom, end - copyFrom);
        in.release();
        return out;
    }

    /** Ends the response: the line ending the last line lacks, then ".\r\n". */
    public void finish(ByteBuf out) {
        if (!lineStart) {
            if (prevCr) {
                out.writeByte('\n');
            } else {
                out.writeByte('\r').writeByte('\n');
            }
            lineStart = true;
        }
        out.writeByte('.').writeByte('\r').writeByte('\n');
    }
}
