package org.poststelle.store.maildir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The change log next to the index file ({@code poststelle.log}): every change since the last checkpoint,
 * as length-prefixed, checksummed records. A record is durable once {@link #sync()} returns. A torn or
 * corrupt tail (a crash in mid-write) is cut off at the first bad record. The log belongs to one index
 * generation: after a checkpoint the log is replaced by an empty one of the next generation, and a log whose
 * generation does not match the index is ignored (its changes are already in the checkpoint).
 */
final class ChangeLog implements Closeable {
    static final String FILE = "poststelle.log";
    private static final int MAGIC = 0x50534c47; // "PSLG"
    private static final int VERSION = 1;
    private static final int HEADER = 16;

    private final Path dir;
    private final Fsync fsync;
    private FileChannel channel;
    private long generation;
    private long size;

    private ChangeLog(Path dir, Fsync fsync) {
        this.dir = dir;
        this.fsync = fsync;
    }

    /**
     * Opens the log of a generation, replaying its records into {@code replay}; a missing log or one of
     * another generation is replaced by an empty one.
     */
    static ChangeLog open(Path dir, long generation, Fsync fsync, Consumer<Change> replay) throws IOException {
        ChangeLog log = new ChangeLog(dir, fsync);
        Path file = dir.resolve(FILE);
        byte[] bytes = readIfExists(file);
        long good = bytes == null ? -1 : replay(bytes, generation, replay);
        if (good < 0) {
            log.reset(generation);
            return log;
        }
        log.channel = FileChannel.open(file, StandardOpenOption.WRITE);
        if (good < bytes.length) {
            log.channel.truncate(good);
            fsync.file(log.channel);
        }
        log.channel.position(good);
        log.generation = generation;
        log.size = good;
        return log;
    }

    /** A fresh, empty log of a generation, replacing whatever log was there. */
    static ChangeLog create(Path dir, long generation, Fsync fsync) throws IOException {
        ChangeLog log = new ChangeLog(dir, fsync);
        log.reset(generation);
        return log;
    }

    private static byte[] readIfExists(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Replays the good records; returns where they end, or -1 when the header is not of this generation. */
    private static long replay(byte[] bytes, long generation, Consumer<Change> replay) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length < HEADER || b.getInt() != MAGIC || b.getInt() != VERSION || b.getLong() != generation) {
            return -1;
        }
        long good = HEADER;
        CRC32C crc = new CRC32C();
        while (b.remaining() >= 8) {
            int len = b.getInt();
            if (len <= 0 || len > b.remaining() - 4) {
                break;
            }
            crc.reset();
            crc.update(bytes, b.position(), len);
            int expected = b.getInt(b.position() + len);
            if ((int) crc.getValue() != expected) {
                break;
            }
            Change change;
            try {
                change = Change.decode(new DataInputStream(new ByteArrayInputStream(bytes, b.position(), len)));
            } catch (IOException | RuntimeException e) {
                break;
            }
            replay.accept(change);
            b.position(b.position() + len + 4);
            good = b.position();
        }
        return good;
    }

    long generation() {
        return generation;
    }

    /** Bytes in the log, header included. */
    long size() {
        return size;
    }

    boolean isEmpty() {
        return size <= HEADER;
    }

    /** Writes changes (not yet durable: call {@link #sync()}). */
    void append(List<? extends Change> changes) throws IOException {
        if (changes.isEmpty()) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        DataOutputStream out = new DataOutputStream(bytes);
        CRC32C crc = new CRC32C();
        for (Change c : changes) {
            byte[] rec = Change.encode(c);
            crc.reset();
            crc.update(rec);
            out.writeInt(rec.length);
            out.write(rec);
            out.writeInt((int) crc.getValue());
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes.toByteArray());
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        size += bytes.size();
    }

    void append(Change change) throws IOException {
        append(List.of(change));
    }

    void sync() throws IOException {
        fsync.file(channel);
    }

    /** Replaces the log by an empty one of a new generation (after a checkpoint). */
    void reset(long newGeneration) throws IOException {
        Path tmp = dir.resolve(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer h = ByteBuffer.allocate(HEADER);
            h.putInt(MAGIC).putInt(VERSION).putLong(newGeneration).flip();
            while (h.hasRemaining()) {
                ch.write(h);
            }
            fsync.file(ch);
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (channel != null) {
            channel.close();
        }
        channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.WRITE);
        channel.position(HEADER);
        generation = newGeneration;
        size = HEADER;
    }

    /** Sums message count and size changes in a log without loading the index or writing anything (quota). */
    static long[] usageDelta(Path dir, long generation) throws IOException {
        long[] delta = new long[2];
        byte[] bytes = readIfExists(dir.resolve(FILE));
        if (bytes != null) {
            replay(bytes, generation, c -> {
                if (c instanceof Change.Appended a) {
                    delta[0] += a.uids().length;
                    delta[1] += a.bytes();
                } else if (c instanceof Change.Expunged x) {
                    delta[0] -= x.uids().length;
                    delta[1] -= x.bytes();
                }
            });
        }
        return delta;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
