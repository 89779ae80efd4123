package org.poststelle.pop3.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Turns message bytes into the body of a POP3 multi-line response, chunk by chunk, keeping state across
 * chunks (RFC 1939 section 3): a line starting with "." gets another "." in front, a bare LF becomes CRLF,
 * a last line without a line ending gets one, and {@link #finish} writes the terminating ".". For TOP it
 * also stops after the header, the blank line and the requested number of body lines.
 *
 * <p>A chunk that needs no change (the common case: CRLF mail without lines starting with a dot) is passed
 * through as is, without a copy.
 */
public final class DotStuffer {
    private static final long ALL_LINES = Long.MAX_VALUE;

    private boolean lineStart = true;
    private boolean prevCr;
    private long lineBytes;
    private boolean inBody;
    private long bodyLinesLeft;
    private boolean complete;

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
            if (lineStart) {
                if (inBody && bodyLinesLeft == 0) {
                    complete = true;
                    end = i;
                    break;
                }
                if (in.getByte(i) == '.') {
                    out = insert(out, in, copyFrom, i, (byte) '.', alloc);
                    copyFrom = i;
                }
                lineStart = false;
            }
            int lf = in.indexOf(i, end, (byte) '\n');
            if (lf < 0) {
                lineBytes += end - i;
                prevCr = in.getByte(end - 1) == '\r';
                break;
            }
            boolean crBefore = lf > i ? in.getByte(lf - 1) == '\r' : prevCr;
            lineBytes += lf - i;
            if (!crBefore) {
                out = insert(out, in, copyFrom, lf, (byte) '\r', alloc);
                copyFrom = lf;
            }
            endOfLine(lineBytes == 0 || (lineBytes == 1 && crBefore));
            i = lf + 1;
        }
        if (out == null) {
            in.writerIndex(end);
            return in;
        }
        out.writeBytes(in, copyFrom, end - copyFrom);
        in.release();
        return out;
    }

    private void endOfLine(boolean blank) {
        if (!inBody) {
            inBody = blank; // the first blank line ends the header
        } else if (bodyLinesLeft != ALL_LINES && bodyLinesLeft > 0) {
            bodyLinesLeft--;
        }
        lineStart = true;
        prevCr = false;
        lineBytes = 0;
    }

    private static ByteBuf insert(ByteBuf out, ByteBuf in, int copyFrom, int at, byte b, ByteBufAllocator alloc) {
        ByteBuf target = out;
        if (target == null) {
            int size = in.readableBytes();
            target = alloc.ioBuffer(size + (size >> 6) + 16);
        }
        target.writeBytes(in, copyFrom, at - copyFrom);
        target.writeByte(b);
        return target;
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
