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
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.SpecialUse;

/**
 * The account's explicit special-use attributes, in {@code poststelle-specialuse} at the Maildir root (Dovecot
 * keeps them in its configuration instead): lines {@code <attribute> TAB <mailbox name>}, the name in UTF-8.
 * The file's existence also records that the account has been set up (special folders created).
 */
final class SpecialUseFile {
    static final String FILE = "poststelle-specialuse";

    /** Folder names that imply an attribute when no folder has it explicitly (compared case-insensitively). */
    static final Map<SpecialUse, List<String>> WELL_KNOWN = wellKnown();

    private SpecialUseFile() {
    }

    private static Map<SpecialUse, List<String>> wellKnown() {
        Map<SpecialUse, List<String>> m = new EnumMap<>(SpecialUse.class);
        m.put(SpecialUse.DRAFTS, List.of("Drafts", "Entwürfe"));
        m.put(SpecialUse.SENT, List.of("Sent", "Sent Items", "Sent Messages", "Gesendet", "Gesendete Objekte",
                "Gesendete Elemente"));
        m.put(SpecialUse.TRASH, List.of("Trash", "Deleted Items", "Deleted Messages", "Papierkorb",
                "Gelöschte Objekte", "Gelöschte Elemente"));
        m.put(SpecialUse.JUNK, List.of("Junk", "Spam", "Junk E-mail", "Junk-E-Mail"));
        m.put(SpecialUse.ARCHIVE, List.of("Archive", "Archiv"));
        return m;
    }

    static boolean exists(Path root) {
        return Files.exists(root.resolve(FILE));
    }

    /** Attribute to mailbox; unknown lines are skipped. */
    static Map<SpecialUse, MailboxName> read(Path root) {
        Map<SpecialUse, MailboxName> out = new EnumMap<>(SpecialUse.class);
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve(FILE), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.TEMPORARY, "cannot read special-use settings", e);
        }
        for (String line : lines) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                continue;
            }
            SpecialUse use = SpecialUse.fromAttribute(line.substring(0, tab).trim());
            try {
                MailboxName name = MailboxName.of(line.substring(tab + 1));
                if (use != null) {
                    out.put(use, name);
                }
            } catch (StoreException e) {
                // skip a broken line
            }
        }
        return out;
    }

    static void write(Path root, Map<SpecialUse, MailboxName> uses, Fsync fsync) {
        StringBuilder sb = new StringBuilder("# special-use attributes of this account's mailboxes (poststelle)\n");
        for (Map.Entry<SpecialUse, MailboxName> e : uses.entrySet()) {
            sb.append(e.getKey().attribute()).append('\t').append(e.getValue().name()).append('\n');
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
            throw new StoreException(StoreException.Reason.TEMPORARY, "cannot write special-use settings", e);
        }
    }

    /** The attribute a folder name implies, or null. Only top-level names and direct children of INBOX count. */
    static SpecialUse inferred(MailboxName name) {
        List<String> parts = name.parts();
        String leaf;
        if (parts.size() == 1) {
            leaf = parts.get(0);
        } else if (parts.size() == 2 && parts.get(0).equals("INBOX")) {
            leaf = parts.get(1);
        } else {
            return null;
        }
        String lower = leaf.toLowerCase(Locale.ROOT);
        for (Map.Entry<SpecialUse, List<String>> e : WELL_KNOWN.entrySet()) {
            for (String n : e.getValue()) {
                if (n.toLowerCase(Locale.ROOT).equals(lower)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }
}
