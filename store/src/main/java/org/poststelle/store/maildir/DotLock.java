package org.poststelle.store.maildir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.poststelle.store.StoreException;

/**
 * Dovecot's lock on a mailbox's dovecot-uidlist: the file {@code dovecot-uidlist.lock} created exclusively.
 * Dovecot, dovecot-lda and this server take it before they give out UIDs, so UIDs never collide when they
 * share a Maildir. A lock older than two minutes is stale (its owner died) and is taken over, as Dovecot
 * does, and so is one whose owner (its content is {@code <pid>:<host>}, as Dovecot writes) is a process of
 * this host that no longer runs: a crash does not block the next start. File-system locks (fcntl) would not
 * exclude Dovecot, which does not use them for the uidlist.
 */
final class DotLock {
    static final String NAME = "dovecot-uidlist.lock";
    private static final Duration STALE = Duration.ofMinutes(2);
    private static final String HOST = hostName();
    private static final byte[] OWNER = (ProcessHandle.current().pid() + ":" + HOST)
            .getBytes(StandardCharsets.US_ASCII);

    private DotLock() {
    }

    /** A held lock; closing it releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    static Held acquire(Path mailboxDir, Duration timeout) {
        Path lock = mailboxDir.resolve(NAME);
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 200_000;
        while (true) {
            try {
                create(mailboxDir, lock);
                return () -> {
                    try {
                        Files.deleteIfExists(lock);
                    } catch (IOException e) {
                        // a lock we cannot remove goes stale and is taken over in two minutes
                    }
                };
            } catch (FileAlreadyExistsException e) {
                if (isStale(lock)) {
                    try {
                        Files.deleteIfExists(lock);
                    } catch (IOException ignored) {
                        // someone else took it over first
                    }
                    continue;
                }
            } catch (NoSuchFileException e) {
                throw new StoreException(StoreException.Reason.NOT_FOUND, "mailbox does not exist");
            } catch (IOException e) {
                throw new StoreException(StoreException.Reason.TEMPORARY, "cannot lock the mailbox", e);
            }
            if (System.nanoTime() > deadline) {
                throw new StoreException(StoreException.Reason.TEMPORARY,
                        "timed out waiting for another program's lock on the mailbox");
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 20_000_000);
        }
    }

    /**
     * Creates the lock atomically with its owner inside, as Dovecot does: write a temporary file, then
     * hard-link it to the lock name (which fails if the lock exists). A crash can leave the temporary file but
     * never an anonymous lock. Where hard links are not supported, an exclusive create is the fallback.
     */
    private static void create(Path dir, Path lock) throws IOException {
        Path tmp = dir.resolve(NAME + "." + ProcessHandle.current().pid() + "." + Thread.currentThread().getId()
                + ".tmp");
        Files.write(tmp, OWNER, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            Files.createLink(lock, tmp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            // no hard links on this file system
            Files.write(lock, OWNER, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean isStale(Path lock) {
        try {
            FileTime modified = Files.getLastModifiedTime(lock);
            if (System.currentTimeMillis() - modified.toMillis() > STALE.toMillis()) {
                return true;
            }
            String owner = new String(Files.readAllBytes(lock), StandardCharsets.US_ASCII).trim();
            int colon = owner.indexOf(':');
            if (colon <= 0 || !owner.substring(colon + 1).equals(HOST)) {
                return false;
            }
            long pid = Long.parseLong(owner.substring(0, colon));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
