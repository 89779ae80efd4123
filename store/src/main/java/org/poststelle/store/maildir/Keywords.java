package org.poststelle.store.maildir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;

/**
 * A mailbox's keyword table, kept in Dovecot's {@code dovecot-keywords}: lines {@code <index> <keyword>},
 * index 0 being file-name letter 'a'. Indexes never change once given out, so letters in file names stay
 * valid; only 26 fit in file names, which is the limit per mailbox.
 */
final class Keywords {
    static final String FILE = "dovecot-keywords";

    private final String[] names = new String[MaildirFilename.MAX_KEYWORDS];
    private FileTime readMtime;

    /** Reads the file (missing means no keywords); malformed lines are skipped. */
    static Keywords read(Path dir) throws IOException {
        Keywords k = new Keywords();
        k.reload(dir);
        return k;
    }

    /** Re-reads the file when another program changed it; returns whether anything changed. */
    boolean reloadIfChanged(Path dir) throws IOException {
        FileTime now = mtime(dir);
        if (now == null ? readMtime == null : now.equals(readMtime)) {
            return false;
        }
        String[] before = names.clone();
        reload(dir);
        return !java.util.Arrays.equals(before, names);
    }

    private void reload(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        readMtime = mtime(dir);
        if (readMtime == null) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return;
        } catch (java.nio.charset.MalformedInputException e) {
            lines = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).lines().toList();
        }
        for (String line : lines) {
            int sp = line.indexOf(' ');
            if (sp <= 0) {
                continue;
            }
            try {
                int idx = Integer.parseInt(line.substring(0, sp));
                String kw = line.substring(sp + 1);
                if (idx >= 0 && idx < names.length && isValidKeyword(kw)) {
                    names[idx] = kw;
                }
            } catch (NumberFormatException e) {
                // skip
            }
        }
    }

    private static FileTime mtime(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        // most mailboxes have no keywords file: an existence check (no exception) spares the NoSuchFileException
        // a stat of a missing file costs on every open and sync
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return Files.getLastModifiedTime(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The keyword at an index, or null. */
    String name(int index) {
        return names[index];
    }

    /** The index of a keyword (case-insensitive), or -1. */
    int indexOf(String keyword) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null && names[i].equalsIgnoreCase(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** Gives a new keyword the next free index; -1 when the table is full. The caller then writes the file. */
    int add(String keyword) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == null) {
                names[i] = keyword;
                return i;
            }
        }
        return -1;
    }

    void write(Path dir, Fsync fsync) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                sb.append(i).append(' ').append(names[i]).append('\n');
            }
        }
        Path tmp = dir.resolve(FILE + ".tmp");
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
            fsync.file(ch);
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        readMtime = mtime(dir);
    }

    /**
     * Whether a keyword can be stored: an IMAP atom without '\' (those are system flags), short enough,
     * and nothing that would break the one-line-per-keyword file.
     */
    static boolean isValidKeyword(String kw) {
        if (kw == null || kw.isEmpty() || kw.length() > 128) {
            return false;
        }
        for (int i = 0; i < kw.length(); i++) {
            char c = kw.charAt(i);
            if (c <= ' ' || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    static String lower(String kw) {
        return kw.toLowerCase(Locale.ROOT);
    }
}
