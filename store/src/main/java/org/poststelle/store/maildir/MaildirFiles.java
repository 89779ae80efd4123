package org.poststelle.store.maildir;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** File-level helpers for Maildir folders: listing messages, sizes and times, renames and links. */
final class MaildirFiles {
    private MaildirFiles() {
    }

    /** A message file found in cur/ or new/ (mtime 0: not looked at yet). */
    record FoundFile(Path path, String name, String base, long mtime, boolean inNew) {
    }

    static void listFiles(Path sub, boolean inNew, List<FoundFile> out) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(sub)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!MaildirFilename.isMessageName(n)) {
                    continue;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue;
                }
                if (a.isRegularFile()) {
                    out.add(new FoundFile(p, n, MaildirFilename.basename(n), a.lastModifiedTime().toMillis(), inNew));
                }
            }
        } catch (NoSuchFileException e) {
            // a missing new/ or cur/ holds no messages
        }
    }

    static int vsize(FoundFile f) throws IOException {
        long w = MaildirFilename.sizeField(f.base(), 'W');
        if (w < 0 || w > Integer.MAX_VALUE) {
            w = StagedMessage.crlfSizeOf(f.path());
        }
        return (int) Math.min(w, Integer.MAX_VALUE);
    }

    static long ctimeSeconds(FoundFile f) {
        try {
            Object ct = Files.getAttribute(f.path(), "unix:ctime", LinkOption.NOFOLLOW_LINKS);
            return ((java.nio.file.attribute.FileTime) ct).to(TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            return f.mtime() / 1000;
        }
    }

    static long mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p).to(TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            return -2;
        }
    }

    /** Removes files left in a folder's tmp/ by a crash more than 36 hours ago (the Maildir rule). */
    static void cleanTmp(Path dir) {
        long cutoff = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(36);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.resolve("tmp"))) {
            for (Path p : ds) {
                try {
                    if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() < cutoff
                            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // try again next time
                }
            }
        } catch (IOException e) {
            // nothing to clean
        }
    }

    /** Renames with one system call (rename(2)); the caller knows the target does not exist. */
    static void rename(Path from, Path to) throws IOException {
        File src = from.toFile();
        if (!src.renameTo(to.toFile())) {
            if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                throw new NoSuchFileException(from.toString());
            }
            throw new IOException("rename failed: " + from.getFileName() + " -> " + to.getFileName());
        }
    }

    static void linkOrCopy(Path src, Path target) throws IOException {
        try {
            Files.createLink(target, src);
        } catch (UnsupportedOperationException | IOException e) {
            if (e instanceof NoSuchFileException || e instanceof FileAlreadyExistsException) {
                throw (IOException) e;
            }
            Path tmp = target.getParent().getParent().resolve("tmp").resolve(MaildirFilename.tmpName());
            Files.copy(src, tmp, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(false);
            }
            rename(tmp, target);
        }
    }

    static long mtimeMillis(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return System.currentTimeMillis();
        }
    }

    /**
     * Moves a file found in new/ into cur/ (with an empty flag part), as every Maildir reader does;
     * {@code expect} hears the new name first. Returns the file as it is now, or null when it vanished.
     */
    static FoundFile moveToCur(Path dir, FoundFile f, java.util.function.Consumer<String> expect) {
        if (!f.inNew()) {
            return f;
        }
        String curName = f.name().contains(":") ? f.name() : f.name() + ":2,";
        Path target = dir.resolve("cur").resolve(curName);
        expect.accept(curName);
        if (!f.path().toFile().renameTo(target.toFile())) {
            return Files.exists(target) ? new FoundFile(target, curName, f.base(), f.mtime(), false) : null;
        }
        return new FoundFile(target, curName, f.base(), f.mtime(), false);
    }
}
