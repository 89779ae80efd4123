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

    /** Reads a file channel from its start; it reads straight into the (direct) buffer, without a copy. */
    static MessageSource of(FileChannel channel) {
        return new MessageSource() {
            private long position;

            @Override
            public int read(ByteBuf dst, int max) throws IOException {
                int n = dst.writeBytes(channel, position, max);
                if (n > 0) {
                    position += n;
                }
                return n;
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
