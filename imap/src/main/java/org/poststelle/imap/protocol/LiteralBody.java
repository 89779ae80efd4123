package org.poststelle.imap.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;

/**
 * Message bytes sent as a literal without copying them into a buffer first: opened before the literal's
 * size is written (so a vanished message can still be left out), streamed when the output is written.
 */
public sealed interface LiteralBody {

    long length();

    /** Closes the source when it was never written (the connection closed). */
    void release();

    /** Bytes from a stream; exactly {@code length} of them are sent whatever the stream gives. */
    record Stream(InputStream in, long length) implements LiteralBody {
        @Override
        public void release() {
            try {
                in.close();
            } catch (IOException e) {
                // nothing to do for a source we no longer need
            }
        }
    }

    /** A file region, sent zero-copy when there is no TLS. */
    record File(FileChannel channel, long offset, long length) implements LiteralBody {
        @Override
        public void release() {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing to do for a source we no longer need
            }
        }
    }
}
