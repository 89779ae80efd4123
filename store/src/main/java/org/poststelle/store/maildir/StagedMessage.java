package org.poststelle.store.maildir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.NewMessage;

/**
 * A message written to a mailbox's tmp/, waiting to be renamed into cur/ with a UID. Its flush to disk starts
 * as soon as it is written, on a flusher thread, so the flushes of concurrent appends overlap with each other
 * and with the commit in progress; the committing thread waits for them ({@link #awaitFlush}).
 * The bytes are stored as given; the CRLF size (RFC822.SIZE) counts each bare LF as two bytes.
 */
record StagedMessage(Path tmpFile, FileChannel channel, long fileSize, long crlfSize, Flags flags,
        long internalDate, java.util.concurrent.CompletableFuture<Void> flushed) {

    /** Writes the message and starts flushing it on {@code flusher}. */
    static StagedMessage write(Path tmpDir, NewMessage message, long maxSize, java.util.concurrent.Executor flusher,
            Fsync fsync) {
        if (message.size() > maxSize) {
            throw tooBig(maxSize);
        }
        Path tmp = tmpDir.resolve(MaildirFilename.tmpName());
        long internalDate = message.internalDate() == null ? Instant.now().getEpochSecond()
                : message.internalDate().getEpochSecond();
        long written = 0;
        long bareLf = 0;
        FileChannel out = null;
        try (InputStream in = message.content().open()) {
            out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            byte[] buf = new byte[64 * 1024];
            int prev = -1;
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n' && prev != '\r') {
                        bareLf++;
                    }
                    prev = b;
                }
                written += n;
                if (written > maxSize) {
                    throw tooBig(maxSize);
                }
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
            }
            if (written + bareLf > Integer.MAX_VALUE) {
                throw tooBig(maxSize);
            }
            // like Dovecot: the file's mtime is the message's internal date
            Files.setLastModifiedTime(tmp, FileTime.from(Instant.ofEpochSecond(Math.max(0, internalDate))));
        } catch (IOException | RuntimeException e) {
            closeQuietly(out);
            deleteQuietly(tmp);
            if (e instanceof IOException) {
                throw new StoreException(StoreException.Reason.TEMPORARY, "cannot store the message", e);
            }
            throw (RuntimeException) e;
        }
        Flags flags = message.flags() == null ? Flags.NONE : message.flags();
        StagedMessage staged = new StagedMessage(tmp, out, written, written + bareLf, flags, internalDate,
                new java.util.concurrent.CompletableFuture<>());
        staged.startFlush(flusher, fsync);
        return staged;
    }

    /** Starts making the file's bytes durable (and closes it) on another thread. */
    private void startFlush(java.util.concurrent.Executor executor, Fsync fsync) {
        executor.execute(() -> {
            try {
                try {
                    fsync.file(channel);
                } finally {
                    channel.close();
                }
                flushed.complete(null);
            } catch (IOException | RuntimeException e) {
                flushed.completeExceptionally(e);
            }
        });
    }

    /** Waits for {@link #startFlush}. */
    void awaitFlush() throws IOException {
        try {
            flushed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while flushing", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing more to do
            }
        }
    }

    private static StoreException tooBig(long max) {
        return new StoreException(StoreException.Reason.TOO_BIG, "message larger than " + max + " bytes");
    }

    void discard() {
        try {
            awaitFlush(); // let the flush in progress finish before the file goes
        } catch (IOException e) {
            // deleting it anyway
        }
        closeQuietly(channel);
        deleteQuietly(tmpFile);
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // tmp/ is cleaned of old files when the mailbox is opened
        }
    }

    /** The CRLF size of a file another program wrote (reads it once). */
    static long crlfSizeOf(Path file) throws IOException {
        long size = 0;
        long bareLf = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            int prev = -1;
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n' && prev != '\r') {
                        bareLf++;
                    }
                    prev = buf[i];
                }
                size += n;
            }
        }
        return size + bareLf;
    }
}
