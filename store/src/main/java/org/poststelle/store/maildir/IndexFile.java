package org.poststelle.store.maildir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The checkpoint of a mailbox's index ({@code poststelle.index}): header values, the expunge history and
 * the message arrays column by column, so loading is a few bulk copies. Ends with a CRC32C of everything
 * before it; a file that fails the check is treated as missing and the index is rebuilt from the Maildir.
 * Written to a temporary file, flushed and renamed into place.
 */
final class IndexFile {
    static final String FILE = "poststelle.index";
    private static final int MAGIC = 0x50534958; // "PSIX"
    /**
     * 2: the name pool starts with a host table and names are compact where they have the common shape
     * (MessageIndex). A checkpoint of another version is ignored and the index rebuilt from the Maildir.
     */
    static final int VERSION = 2;

    /** Header values of a mailbox, as kept in the checkpoint. */
    static final class Header {
        long generation;
        long uidValidity;
        long uidNext;
        long highestModSeq;
        long firstRecentUid;
        long curMtime = -1;
        long uidlistOffset;
        long uidlistLines;
        long expungeFloor;
        String guid = "";
        String uidlistFingerprint = "";

        Header copy() {
            Header h = new Header();
            h.generation = generation;
            h.uidValidity = uidValidity;
            h.uidNext = uidNext;
            h.highestModSeq = highestModSeq;
            h.firstRecentUid = firstRecentUid;
            h.curMtime = curMtime;
            h.uidlistOffset = uidlistOffset;
            h.uidlistLines = uidlistLines;
            h.expungeFloor = expungeFloor;
            h.guid = guid;
            h.uidlistFingerprint = uidlistFingerprint;
            return h;
        }
    }

    /** A loaded checkpoint. */
    record Loaded(Header header, MessageIndex index, ExpungeHistory history) {
    }

    private IndexFile() {
    }

    static void write(Path dir, Header h, MessageIndex index, ExpungeHistory history, Fsync fsync)
            throws IOException {
        int n = index.size();
        byte[] pool = index.compactedPool();
        byte[] guid = h.guid.getBytes(StandardCharsets.UTF_8);
        byte[] fp = h.uidlistFingerprint.getBytes(StandardCharsets.UTF_8);
        int hn = history.size();
        long len = 8 + 12 + 9 * 8 + 4 + guid.length + 4 + fp.length + 4 + hn * 12L + n * 36L + 4 + pool.length + 4;
        if (len > Integer.MAX_VALUE - 64) {
            throw new IOException("index too large");
        }
        ByteBuffer b = ByteBuffer.allocate((int) len);
        b.putInt(MAGIC).putInt(VERSION);
        b.putInt(n).putLong(index.totalSize());
        b.putLong(h.generation).putLong(h.uidValidity).putLong(h.uidNext).putLong(h.highestModSeq)
                .putLong(h.firstRecentUid).putLong(h.curMtime).putLong(h.uidlistOffset).putLong(h.uidlistLines)
                .putLong(h.expungeFloor);
        b.putInt(guid.length).put(guid);
        b.putInt(fp.length).put(fp);
        b.putInt(hn);
        b.asLongBuffer().put(history.modSeqs(), 0, hn);
        b.position(b.position() + hn * 8);
        b.asIntBuffer().put(history.uids(), 0, hn);
        b.position(b.position() + hn * 4);
        putInts(b, index.uidArray(), n);
        putInts(b, index.flagArray(), n);
        putInts(b, index.vsizeArray(), n);
        putInts(b, index.internalDateArray(), n);
        putInts(b, index.saveDateArray(), n);
        putInts(b, index.retrievedArray(), n);
        b.asLongBuffer().put(index.modSeqArray(), 0, n);
        b.position(b.position() + n * 8);
        b.putInt(pool.length).put(pool);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        b.flip();
        Path tmp = dir.resolve(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
            fsync.file(ch);
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsync.directory(dir);
    }

    private static void putInts(ByteBuffer b, int[] a, int n) {
        b.asIntBuffer().put(a, 0, n);
        b.position(b.position() + n * 4);
    }

    private static int[] getInts(ByteBuffer b, int n) {
        int[] a = new int[n];
        b.asIntBuffer().get(a);
        b.position(b.position() + n * 4);
        return a;
    }

    /** Reads the checkpoint; null when it is missing or damaged. */
    static Loaded read(Path dir) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dir.resolve(FILE));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
        try {
            if (bytes.length < 8 + 12 + 4) {
                return null;
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length - 4);
            ByteBuffer b = ByteBuffer.wrap(bytes);
            if (b.getInt(bytes.length - 4) != (int) crc.getValue() || b.getInt() != MAGIC || b.getInt() != VERSION) {
                return null;
            }
            int n = b.getInt();
            b.getLong(); // total size, recomputed
            Header h = new Header();
            h.generation = b.getLong();
            h.uidValidity = b.getLong();
            h.uidNext = b.getLong();
            h.highestModSeq = b.getLong();
            h.firstRecentUid = b.getLong();
            h.curMtime = b.getLong();
            h.uidlistOffset = b.getLong();
            h.uidlistLines = b.getLong();
            h.expungeFloor = b.getLong();
            h.guid = string(b);
            h.uidlistFingerprint = string(b);
            int hn = b.getInt();
            if (n < 0 || hn < 0 || hn > b.remaining() / 12) {
                return null;
            }
            long[] hm = new long[hn];
            b.asLongBuffer().get(hm);
            b.position(b.position() + hn * 8);
            int[] hu = getInts(b, hn);
            if ((long) n * 36 > b.remaining()) {
                return null;
            }
            int[] uids = getInts(b, n);
            int[] flags = getInts(b, n);
            int[] vsizes = getInts(b, n);
            int[] idates = getInts(b, n);
            int[] sdates = getInts(b, n);
            int[] retrieved = getInts(b, n);
            long[] modSeqs = new long[n];
            b.asLongBuffer().get(modSeqs);
            b.position(b.position() + n * 8);
            int poolLen = b.getInt();
            if (poolLen < 0 || poolLen != b.remaining() - 4) {
                return null;
            }
            byte[] pool = new byte[poolLen];
            b.get(pool);
            MessageIndex index = MessageIndex.fromArrays(n, uids, flags, vsizes, idates, sdates, retrieved, modSeqs,
                    pool);
            if (h.uidValidity <= 0 || h.uidNext <= index.maxUid()) {
                return null;
            }
            return new Loaded(h, index, ExpungeHistory.of(hm, hu, hn));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Message count and total size from the start of the checkpoint, without loading it (quota), or null. */
    static long[] usage(Path dir) {
        try (FileChannel ch = FileChannel.open(dir.resolve(FILE), StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(8 + 12 + 8);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // fill
            }
            b.flip();
            if (b.remaining() < 28 || b.getInt() != MAGIC || b.getInt() != VERSION) {
                return null;
            }
            long count = b.getInt();
            long size = b.getLong();
            long generation = b.getLong();
            return new long[] {count, size, generation};
        } catch (IOException e) {
            return null;
        }
    }

    private static String string(ByteBuffer b) {
        int len = b.getInt();
        if (len < 0 || len > 4096) {
            throw new IllegalArgumentException("bad string");
        }
        byte[] s = new byte[len];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }
}
