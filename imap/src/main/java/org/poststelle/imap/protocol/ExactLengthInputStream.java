package org.poststelle.imap.protocol;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives exactly {@code length} bytes: cut when the source has more, padded with spaces when it has fewer.
 * A literal's size is on the wire before its bytes; if the stored message changed size underneath, the
 * client must still get that many bytes or every later response would be misread.
 */
public final class ExactLengthInputStream extends FilterInputStream {
    private static final Logger LOG = LoggerFactory.getLogger(ExactLengthInputStream.class);
    private long remaining;
    private boolean padding;

    public ExactLengthInputStream(InputStream in, long length) {
        super(in);
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int want = (int) Math.min(len, remaining);
        int n = padding ? -1 : readSource(b, off, want);
        if (n < 0) {
            if (!padding) {
                padding = true;
                LOG.warn("message shorter than its recorded size; padding {} bytes", remaining);
            }
            Arrays.fill(b, off, off + want, (byte) ' ');
            n = want;
        }
        remaining -= n;
        return n;
    }

    private int readSource(byte[] b, int off, int want) {
        try {
            return in.read(b, off, want);
        } catch (IOException e) {
            LOG.warn("reading a message failed: {}", e.toString());
            return -1;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
        long done = 0;
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
