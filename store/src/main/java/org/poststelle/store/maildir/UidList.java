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
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Dovecot's {@code dovecot-uidlist}: the UID of each Maildir file. Version 3 (Dovecot 1.1 and later):
 * header {@code 3 V<uidvalidity> N<nextuid> G<mailbox guid>}, then lines {@code <uid> [<key><value> ...]
 * :<basename>} where keys are capital letters (W virtual size, S file size, G message GUID, P POP3 UIDL,
 * O POP3 order). Version 1 (Courier-compatible): header {@code 1 <uidvalidity> <nextuid>}, lines
 * {@code <uid> <filename>}.
 *
 * <p>This server keeps writing the file so that Dovecot (or a migration back to it) sees the same UIDs:
 * new messages are appended as lines, as Dovecot does, and the file is rewritten (dropping expunged
 * lines) when a quarter of it is stale.
 */
final class UidList {
    static final String FILE = "dovecot-uidlist";

    /** A record of the file. */
    record Entry(long uid, String ext, String basename) {
    }

    /** What was read: header values and records, plus where reading stopped. */
    static final class Contents {
        long uidValidity;
        long nextUid;
        String guid;
        /** Header fields we do not interpret, kept when rewriting. */
        String otherHeader = "";
        final List<Entry> entries = new ArrayList<>();
        /** File position after the last complete line. */
        long endOffset;
        Fingerprint fingerprint;
        boolean valid;
    }

    /** Identifies a version of the file, to notice another program's changes cheaply. */
    record Fingerprint(Object fileKey, long size, long mtimeNanos) {
        static final Fingerprint NONE = new Fingerprint(null, -1, -1);

        String encode() {
            return (fileKey == null ? "" : fileKey.toString()) + "|" + size + "|" + mtimeNanos;
        }

        static Fingerprint decode(String s) {
            String[] p = s.split("\\|", -1);
            if (p.length != 3) {
                return NONE;
            }
            try {
                return new Fingerprint(p[0].isEmpty() ? null : p[0], Long.parseLong(p[1]), Long.parseLong(p[2]));
            } catch (NumberFormatException e) {
                return NONE;
            }
        }

        boolean sameFile(Fingerprint other) {
            return Objects.equals(String.valueOf(fileKey), String.valueOf(other.fileKey));
        }
    }

    private UidList() {
    }

    static Fingerprint fingerprint(Path dir) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(dir.resolve(FILE), BasicFileAttributes.class);
            return new Fingerprint(a.fileKey() == null ? null : a.fileKey().toString(), a.size(),
                    a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
        } catch (NoSuchFileException e) {
            return Fingerprint.NONE;
        }
    }

    /** Reads the whole file; null when it does not exist. A broken header gives {@code valid = false}. */
    static Contents read(Path dir) throws IOException {
        return read(dir, 0);
    }

    /**
     * Reads the records after {@code offset} (another program appended to the same file); offset 0 reads the
     * header too. Only complete lines count; null when the file does not exist.
     */
    static Contents read(Path dir, long offset) throws IOException {
        byte[] bytes;
        Contents c = new Contents();
        try (FileChannel ch = FileChannel.open(dir.resolve(FILE), StandardOpenOption.READ)) {
            c.fingerprint = fingerprint(dir);
            long size = ch.size();
            if (offset > size) {
                return c;
            }
            if (size - offset > Integer.MAX_VALUE - 16) {
                throw new IOException("uidlist too large");
            }
            bytes = new byte[(int) (size - offset)];
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            long pos = offset;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos);
                if (n < 0) {
                    break;
                }
                pos += n;
            }
            if (buf.hasRemaining()) {
                bytes = java.util.Arrays.copyOf(bytes, buf.position());
            }
        } catch (NoSuchFileException e) {
            return null;
        }
        parse(bytes, offset, c);
        return c;
    }

    private static void parse(byte[] bytes, long startOffset, Contents c) {
        int version = 3;
        int pos = 0;
        c.endOffset = startOffset;
        if (startOffset == 0) {
            int nl = indexOf(bytes, pos);
            if (nl < 0) {
                return;
            }
            version = parseHeader(new String(bytes, 0, nl, StandardCharsets.UTF_8), c);
            if (version < 0) {
                return;
            }
            pos = nl + 1;
            c.endOffset = pos;
        }
        c.valid = true;
        long prevUid = 0;
        while (pos < bytes.length) {
            int nl = indexOf(bytes, pos);
            if (nl < 0) {
                break; // an incomplete last line is still being written
            }
            int end = nl > pos && bytes[nl - 1] == '\r' ? nl - 1 : nl;
            Entry e = parseEntry(new String(bytes, pos, end - pos, StandardCharsets.UTF_8), version);
            if (e == null || e.uid() <= prevUid) {
                // Dovecot stops at the first broken or unordered line too; what follows is not trusted
                break;
            }
            prevUid = e.uid();
            c.entries.add(e);
            pos = nl + 1;
            c.endOffset = startOffset + pos;
        }
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int parseHeader(String line, Contents c) {
        if (line.length() < 2 || line.charAt(1) != ' ' || !Character.isDigit(line.charAt(0))) {
            return -1;
        }
        int version = line.charAt(0) - '0';
        String rest = line.substring(2);
        try {
            if (version == 1) {
                String[] p = rest.trim().split(" +");
                c.uidValidity = Long.parseLong(p[0]);
                c.nextUid = Long.parseLong(p[1]);
            } else if (version == 3) {
                StringBuilder other = new StringBuilder();
                for (String f : rest.trim().split(" +")) {
                    if (f.isEmpty()) {
                        continue;
                    }
                    switch (f.charAt(0)) {
                        case 'V' -> c.uidValidity = Long.parseLong(f.substring(1));
                        case 'N' -> c.nextUid = Long.parseLong(f.substring(1));
                        case 'G' -> c.guid = f.substring(1);
                        default -> other.append(other.length() == 0 ? "" : " ").append(f);
                    }
                }
                c.otherHeader = other.toString();
            } else {
                return -1;
            }
        } catch (RuntimeException e) {
            return -1;
        }
        if (c.uidValidity <= 0 || c.uidValidity > 0xFFFF_FFFFL || c.nextUid <= 0 || c.nextUid > 0xFFFF_FFFFL) {
            return -1;
        }
        return version;
    }

    private static Entry parseEntry(String line, int version) {
        int i = 0;
        long uid = 0;
        while (i < line.length() && Character.isDigit(line.charAt(i)) && i < 11) {
            uid = uid * 10 + (line.charAt(i) - '0');
            i++;
        }
        if (uid <= 0 || uid >= 0xFFFF_FFFFL || i >= line.length() || line.charAt(i) != ' ') {
            return null;
        }
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        String ext = "";
        String name;
        if (version == 3) {
            int colon = line.indexOf(':', i);
            if (colon < 0) {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            for (String f : line.substring(i, colon).trim().split(" +")) {
                if (!f.isEmpty() && f.charAt(0) >= 'A' && f.charAt(0) <= 'Z') {
                    sb.append(sb.length() == 0 ? "" : " ").append(f);
                }
            }
            ext = sb.toString();
            name = line.substring(colon + 1);
        } else {
            name = line.substring(i);
        }
        name = MaildirFilename.basename(name);
        if (name.isEmpty() || name.indexOf('/') >= 0) {
            return null;
        }
        return new Entry(uid, ext, name);
    }

    static String line(long uid, String ext, String basename) {
        return uid + (ext == null || ext.isEmpty() ? "" : " " + ext) + " :" + basename + "\n";
    }

    static String header(long uidValidity, long nextUid, String guid, String otherHeader) {
        return "3 V" + uidValidity + " N" + nextUid + " G" + guid
                + (otherHeader == null || otherHeader.isEmpty() ? "" : " " + otherHeader) + "\n";
    }

    /** Appends lines at the end of the file and flushes them; returns the new fingerprint. */
    static Fingerprint append(Path dir, CharSequence lines, Fsync fsync) throws IOException {
        try (FileChannel ch = FileChannel.open(dir.resolve(FILE), StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            fsync.file(ch);
        }
        return fingerprint(dir);
    }

    /** Writes the whole file anew (tmp file, flush, rename, as Dovecot does); returns the new fingerprint. */
    static Fingerprint rewrite(Path dir, CharSequence contents, Fsync fsync) throws IOException {
        Path tmp = dir.resolve(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(contents.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            fsync.file(ch);
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return fingerprint(dir);
    }
}
