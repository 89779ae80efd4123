package org.poststelle.imap.protocol;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Collects the bytes of one literal as they arrive: in a growing array, or in a temporary file. */
abstract class LiteralSink {
    boolean binary;

    abstract void write(ByteBuf in, int length) throws IOException;

    abstract LiteralData finish();

    /** The connection went away mid-literal. */
    abstract void abort();

    static LiteralSink inMemory(int size) {
        return new Memory(size);
    }

    static LiteralSink spooled(Path directory, long size) throws IOException {
        return new Spool(directory, size);
    }

    private static final class Memory extends LiteralSink {
        private final int size;
        private byte[] bytes;
        private int length;

        Memory(int size) {
            this.size = size;
            // grow as bytes arrive: announcing a literal must not reserve its memory
            this.bytes = new byte[Math.min(size, 8192)];
        }

        @Override
        void write(ByteBuf in, int n) {
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(size, Math.max((long) bytes.length * 2, length + n)));
            }
            in.readBytes(bytes, length, n);
            length += n;
        }

        @Override
        LiteralData finish() {
            return LiteralData.of(length == bytes.length ? bytes : Arrays.copyOf(bytes, length));
        }

        @Override
        void abort() {
            bytes = null;
        }
    }

    private static final class Spool extends LiteralSink {
        private final Path file;
        private final FileChannel channel;
        private final long size;

        Spool(Path directory, long size) throws IOException {
            Files.createDirectories(directory);
            this.file = Files.createTempFile(directory, "imap-literal-", ".tmp");
            this.channel = FileChannel.open(file, StandardOpenOption.WRITE);
            this.size = size;
        }

        @Override
        void write(ByteBuf in, int n) throws IOException {
            int done = 0;
            while (done < n) {
                done += in.readBytes(channel, n - done);
            }
        }

        @Override
        LiteralData finish() {
            try {
                channel.close();
            } catch (IOException e) {
                // the data was written; a failing close surfaces when the literal is read
            }
            return new LiteralData.Spooled(file, size);
        }

        @Override
        void abort() {
            try {
                channel.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // best effort cleanup of a temp file
            }
        }
    }
}
