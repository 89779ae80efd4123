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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.MailboxName;

/**
 * The {@code subscriptions} file at the Maildir root, in Dovecot's formats: version 2 (header
 * {@code V<TAB>2} and an empty line, then one name a line with levels separated by TAB, in modified UTF-7),
 * which Dovecot writes for new files and so do we; version 1 (Courier: names with '.' between levels) is
 * read.
 */
final class Subscriptions {
    static final String FILE = "subscriptions";
    private static final String V2_HEADER = "V\t2";

    private Subscriptions() {
    }

    static Set<MailboxName> read(Path root) {
        Set<MailboxName> out = new LinkedHashSet<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve(FILE), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.TEMPORARY, "cannot read subscriptions", e);
        }
        boolean v2 = !lines.isEmpty() && lines.get(0).equals(V2_HEADER);
        for (int i = v2 ? 1 : 0; i < lines.size(); i++) {
            MailboxName n = FolderNames.fromSubscriptionEntry(lines.get(i), v2);
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    static void write(Path root, Set<MailboxName> names, Fsync fsync) {
        StringBuilder sb = new StringBuilder(V2_HEADER).append("\n\n");
        for (MailboxName n : names) {
            sb.append(FolderNames.subscriptionEntry(n)).append('\n');
        }
        Path tmp = root.resolve(FILE + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
                fsync.file(ch);
            }
            Files.move(tmp, root.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.TEMPORARY, "cannot write subscriptions", e);
        }
    }
}
