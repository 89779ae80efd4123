package org.poststelle.store.maildir;

import java.io.IOException;
import java.io.InputStream;

/**
 * Presents stored bytes with CRLF line endings: a LF not preceded by CR becomes CRLF; everything else,
 * including a lone CR, passes unchanged. This matches how the CRLF size is counted when storing.
 */
final class CrlfInputStream extends InputStream {
    private final InputStream in;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int len;
    private boolean prevCr;
    private boolean pendingLf;

    /** @param prevCr whether the byte just before where {@code in} starts was a CR */
    CrlfInputStream(InputStream in, boolean prevCr) {
        this.in = in;
        this.prevCr = prevCr;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] out, int off, int max) throws IOException {
        if (max == 0) {
            return 0;
        }
        int w = 0;
        while (w < max) {
            if (pendingLf) {
                out[off + w++] = '\n';
                pendingLf = false;
                prevCr = false;
                continue;
            }
            if (pos == len) {
                if (w > 0 && in.available() <= 0) {
                    break;
                }
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return w == 0 ? -1 : w;
                }
            }
            byte b = buf[pos++];
            if (b == '\n' && !prevCr) {
                out[off + w++] = '\r';
                pendingLf = true;
                continue;
            }
            out[off + w++] = b;
            prevCr = b == '\r';
        }
        return w;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[8192];
        long left = n;
        while (left > 0) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
