package org.poststelle.store.maildir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.poststelle.store.MessageContent;
import org.poststelle.store.StoreException;
import org.poststelle.store.mime.MessageStructure;

/**
 * A message file seen in CRLF form. Files already in CRLF (file size equals CRLF size) are served
 * directly, also as a channel for zero-copy sends. Files with bare LF go through {@link CrlfInputStream};
 * for a range of a large one, a map of (CRLF offset, file offset) pairs every 64 KiB, learnt on first use
 * and cached, lets reading start near the range instead of at the beginning.
 */
final class MaildirContent implements MessageContent {
    private static final long MAP_STEP = 64 * 1024;
    private static final long MAP_MIN_SIZE = 256 * 1024;

    private final MailboxState mailbox;
    private final long uid;
    private final long crlfSize;
    private final ContentCache cache;
    private final ContentCache.Key key;

    MaildirContent(MailboxState mailbox, long uid, long crlfSize, ContentCache cache, ContentCache.Key key) {
        this.mailbox = mailbox;
        this.uid = uid;
        this.crlfSize = crlfSize;
        this.cache = cache;
        this.key = key;
    }

    @Override
    public long size() {
        return crlfSize;
    }

    @Override
    public InputStream open() throws IOException {
        return open(0, crlfSize);
    }

    @Override
    public InputStream open(long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length");
        }
        long start = Math.min(offset, crlfSize);
        long len = Math.min(length, crlfSize - start);
        FileChannel ch = openFile();
        try {
            long fileSize = ch.size();
            if (fileSize == crlfSize) {
                ch.position(start);
                return new Bounded(Channels.newInputStream(ch), len);
            }
            long filePos = 0;
            long crlfPos = 0;
            if (start > 0 && fileSize >= MAP_MIN_SIZE) {
                long[] map = crlfMap(ch);
                for (int i = 0; i + 1 < map.length && map[i + 1] <= start; i += 2) {
                    filePos = map[i];
                    crlfPos = map[i + 1];
                }
            }
            ch.position(filePos);
            // map points sit just after a LF, so no CR is pending there
            InputStream in = new CrlfInputStream(Channels.newInputStream(ch), false);
            long skip = start - crlfPos;
            if (in.skip(skip) != skip) {
                in.close();
                return InputStream.nullInputStream();
            }
            return new Bounded(in, len);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public Optional<FileChannel> openChannel() throws IOException {
        FileChannel ch = openFile();
        if (ch.size() == crlfSize) {
            return Optional.of(ch);
        }
        ch.close();
        return Optional.empty();
    }

    @Override
    public Optional<FileChannel> openStoredChannel() throws IOException {
        return Optional.of(openFile());
    }

    @Override
    public MessageStructure structure() {
        MessageStructure s = cache.structure(key);
        if (s != null) {
            return s;
        }
        try (InputStream in = open()) {
            s = MessageStructure.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cache.putStructure(key, s);
        return s;
    }

    /** Opens the file, following a rename by a concurrent flag change; MESSAGE_GONE once expunged. */
    private FileChannel openFile() throws IOException {
        for (int attempt = 0; attempt < 5; attempt++) {
            Path file = mailbox.currentFile(uid);
            if (file == null) {
                throw new StoreException(StoreException.Reason.MESSAGE_GONE, "message " + uid + " was expunged");
            }
            try {
                return FileChannel.open(file, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                mailbox.fileMissing(uid, file);
            }
        }
        throw new StoreException(StoreException.Reason.MESSAGE_GONE, "message " + uid + " is no longer there");
    }

    private long[] crlfMap(FileChannel ch) throws IOException {
        long[] map = cache.crlfMap(key);
        if (map != null) {
            return map;
        }
        long[] pairs = new long[64];
        int n = 0;
        byte[] buf = new byte[64 * 1024];
        long filePos = 0;
        long crlfPos = 0;
        long nextMark = MAP_STEP;
        int prev = -1;
        ch.position(0);
        InputStream in = Channels.newInputStream(ch);
        int r;
        while ((r = in.read(buf)) > 0) {
            for (int i = 0; i < r; i++) {
                byte b = buf[i];
                crlfPos += b == '\n' && prev != '\r' ? 2 : 1;
                filePos++;
                prev = b;
                if (b == '\n' && filePos >= nextMark) {
                    if (n + 2 > pairs.length) {
                        pairs = java.util.Arrays.copyOf(pairs, pairs.length * 2);
                    }
                    pairs[n++] = filePos;
                    pairs[n++] = crlfPos;
                    nextMark = filePos + MAP_STEP;
                }
            }
        }
        map = java.util.Arrays.copyOf(pairs, n);
        cache.putCrlfMap(key, map);
        return map;
    }

    /** Gives at most {@code left} bytes of a stream. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long left;

        Bounded(InputStream in, long left) {
            this.in = in;
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = in.skip(Math.min(n, left));
            left -= s;
            return s;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), left);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
