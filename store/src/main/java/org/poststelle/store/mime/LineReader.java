package org.poststelle.store.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a message line by line (a line ends after LF) while tracking absolute byte offsets and the number of
 * LFs seen, without ever holding a whole line: only the first {@code keep} bytes of each line are copied, the
 * rest is counted and skipped. This is what lets the parser stay bounded on 8-bit garbage without newlines.
 */
final class LineReader {
    private final InputStream in;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int limit;
    private long bufStart;
    private boolean eof;

    /** Offset of the current line's first byte. */
    long start;
    /** Total length of the current line including its terminator. */
    long length;
    /** Length of the current line's terminator: 2 for CRLF, 1 for a bare LF, 0 at EOF without LF. */
    int term;
    /** LFs in the stream before the current line. */
    long lfBefore;
    /** Terminator length of the line before the current one (0 when there was none). */
    int prevTerm;
    /** The first {@code headLen} bytes of the current line (terminator included if it fit). */
    byte[] head = new byte[256];
    int headLen;

    private long lfTotal;
    private boolean sawNul;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Offset just past the current line (the next line's start). */
    long end() {
        return start + length;
    }

    /** LFs up to and including the current line. */
    long lfAfter() {
        return lfTotal;
    }

    /** Reads the next line, keeping at most {@code keep} of its bytes in {@link #head}. False at EOF. */
    boolean next(int keep) throws IOException {
        if (pos == limit && !fill()) {
            prevTerm = term;
            start = bufStart + pos;
            length = 0;
            term = 0;
            headLen = 0;
            lfBefore = lfTotal;
            return false;
        }
        prevTerm = term;
        start = bufStart + pos;
        lfBefore = lfTotal;
        headLen = 0;
        length = 0;
        term = 0;
        int lastByte = -1;
        while (true) {
            int lf = -1;
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    lf = i;
                    break;
                }
            }
            int stop = lf < 0 ? limit : lf + 1;
            int n = stop - pos;
            int copy = Math.min(n, keep - headLen);
            if (copy > 0) {
                if (headLen + copy > head.length) {
                    head = java.util.Arrays.copyOf(head, Math.min(keep, Math.max(headLen + copy, head.length * 2)));
                }
                System.arraycopy(buf, pos, head, headLen, copy);
                headLen += copy;
            }
            if (lf >= 0) {
                boolean cr = lf > pos ? buf[lf - 1] == '\r' : lastByte == '\r';
                term = cr ? 2 : 1;
            } else if (n > 0) {
                lastByte = buf[limit - 1];
            }
            length += n;
            pos = stop;
            if (lf >= 0) {
                lfTotal++;
                return true;
            }
            if (!fill()) {
                return true;
            }
        }
    }

    /** Skips to EOF (no more line structure needed); the skipped range becomes the current "line". */
    void skipToEof() throws IOException {
        start = bufStart + pos;
        lfBefore = lfTotal;
        headLen = 0;
        term = 0;
        length = 0;
        while (pos < limit || fill()) {
            int count = 0;
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    count++;
                }
            }
            lfTotal += count;
            length += limit - pos;
            pos = limit;
        }
    }

    /** Offset of the next unread byte. */
    long offset() {
        return bufStart + pos;
    }

    long lfCount() {
        return lfTotal;
    }

    /** Whether a NUL octet occurred in what was read so far. */
    boolean sawNul() {
        return sawNul;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        bufStart += limit;
        pos = 0;
        limit = 0;
        while (limit == 0) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                return false;
            }
            limit = n;
        }
        if (!sawNul) {
            // every octet passes through here once; the caller wants to know about NUL (see MessageStructure)
            for (int i = 0; i < limit; i++) {
                if (buf[i] == 0) {
                    sawNul = true;
                    break;
                }
            }
        }
        return true;
    }
}
