package org.poststelle.pop3.protocol;

import io.netty.buffer.ByteBuf;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;

/** Where a RETR/TOP response reads the message bytes from, a chunk at a time. Opened by the session. */
public interface MessageSource extends Closeable {

    /** Reads at most {@code max} bytes into {@code dst}; -1 at the end. */
    int read(ByteBuf dst, int max) throws IOException;

    /** True when the next read would give -1 (known without reading, so the end goes out with the last chunk). */
    default boolean atEnd() {
        return false;
    }

    @Override
    void close();

    static MessageSource of(InputStream in) {
        return new MessageSource() {
            @Override
            public int read(ByteBuf dst, int max) throws IOException {
                return dst.writeBytes(in, max);
            }

            @Override
            public void close() {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // nothing more is read from it
                }
            }
        };
    }

    /**
     * Reads the first {@code size} bytes of a file channel, straight into the (direct) buffer, and knows where
     * they end without another read.
     */
    static MessageSource of(FileChannel channel, long size) {
        return new MessageSource() {
            private long position;

            @Override
            public int read(ByteBuf dst, int max) throws IOException {
                if (position >= size) {
                    return -1;
                }
                int n = dst.writeBytes(channel, position, (int) Math.min(max, size - position));
                if (n > 0) {
                    position += n;
                }
                return n;
            }

            @Override
            public boolean atEnd() {
                return position >= size;
            }

            @Override
            public void close() {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing more is read from it
                }
            }
        };
    }
}
