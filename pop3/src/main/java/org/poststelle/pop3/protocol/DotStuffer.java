package org.poststelle.pop3.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns message bytes into the body of a POP3 multi-line response, chunk by chunk, keeping state across
 * chunks (RFC 1939 section 3): a line starting with "." gets another "." in front, a bare LF becomes CRLF,
 * a last line without a line ending gets one, and {@link #finish} writes the terminating ".". For TOP it
 * also stops after the header, the blank line and the requested number of body lines.
 *
 * <p>Only line ends matter, so the scan jumps from LF to LF, eight bytes at a time (SWAR), and looks at the
 * bytes around each. A chunk that needs no change (the common case: CRLF mail with few lines starting with
 * a dot) is passed through as is, without a copy.
 */
public final class DotStuffer {
    private static final long ALL_LINES = Long.MAX_VALUE;
    private static final long LF_BYTES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    private boolean lineStart = true;
    private boolean prevCr;
    private long lineLength;
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

    /** Output under construction: null while the chunk can go out unchanged. */
    private static final class Out {
        ByteBuf buf;
        int copyFrom;
    }

    /**
     * Stuffs the readable bytes of {@code in}, which this call takes over (it is returned or released).
     *
     * @return the bytes to send for this chunk
     */
    public ByteBuf stuff(ByteBuf in, ByteBufAllocator alloc) {
        int base = in.readerIndex();
        int n = in.readableBytes();
        ByteBuffer b = in.nioBuffer(base, n).order(ByteOrder.LITTLE_ENDIAN);
        Out out = new Out();
        int end = scan(b, n, in, base, out, alloc);
        if (out.buf == null) {
            in.writerIndex(base + end);
            return in;
        }
        out.buf.writeBytes(in, base + out.copyFrom, end - out.copyFrom);
        in.release();
        return out.buf;
    }

    /** Scans b[0, n); returns where the chunk ends (n, or where TOP's lines are complete). */
    private int scan(ByteBuffer b, int n, ByteBuf in, int base, Out out, ByteBufAllocator alloc) {
        int pos = 0;
        while (pos < n) {
            if (lineStart) {
                if (inBody && bodyLinesLeft == 0) {
                    complete = true;
                    return pos;
                }
                lineStart = false;
                if (b.get(pos) == '.') {
                    insert(out, in, base, pos, (byte) '.', alloc);
                }
            }
            int lf = indexOfLf(b, pos, n);
            if (lf < 0) {
                lineLength += n - pos;
                prevCr = b.get(n - 1) == '\r';
                return n;
            }
            boolean cr = lf > pos ? b.get(lf - 1) == '\r' : prevCr;
            lineLength += lf - pos;
            if (!cr) {
                insert(out, in, base, lf, (byte) '\r', alloc);
            }
            endOfLine(lineLength == 0 || (lineLength == 1 && cr));
            pos = lf + 1;
        }
        return n;
    }

    private void endOfLine(boolean blank) {
        if (!inBody) {
            inBody = blank; // the first blank line ends the header
        } else if (bodyLinesLeft != ALL_LINES && bodyLinesLeft > 0) {
            bodyLinesLeft--;
        }
        lineStart = true;
        prevCr = false;
        lineLength = 0;
    }

    /** The first LF in b[from, to), or -1; eight bytes per step with an exact zero-byte test. */
    private static int indexOfLf(ByteBuffer b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = b.getLong(i) ^ LF_BYTES;
            long t = ~(((x & LOW7) + LOW7) | x | LOW7);
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b.get(i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static void insert(Out out, ByteBuf in, int base, int at, byte value, ByteBufAllocator alloc) {
        if (out.buf == null) {
            int size = in.readableBytes();
            out.buf = alloc.ioBuffer(size + (size >> 6) + 16);
        }
        out.buf.writeBytes(in, base + out.copyFrom, at - out.copyFrom);
        out.buf.writeByte(value);
        out.copyFrom = at;
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
