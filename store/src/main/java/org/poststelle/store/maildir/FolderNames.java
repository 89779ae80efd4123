package org.poststelle.store.maildir;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.ModifiedUtf7;

/**
 * Maps mailbox names to Maildir++ folder directory names as Dovecot does: INBOX is the Maildir root, "A/B"
 * is {@code .A.B}, each level in modified UTF-7. Dovecot refuses '.' inside a level; we store it as the
 * modified-UTF-7 run {@code &AC4-} so such names work here (Dovecot does not show those folders after a
 * migration back).
 */
final class FolderNames {
    /** Longest directory name most file systems accept. */
    static final int MAX_DIR_NAME_BYTES = 255;

    private FolderNames() {
    }

    /**
     * Re-validates a name (a {@link MailboxName} record can be built without {@link MailboxName#of}) and
     * returns its canonical form.
     */
    static MailboxName checked(MailboxName name) {
        if (name == null) {
            throw new StoreException(StoreException.Reason.INVALID_NAME, "no mailbox name");
        }
        MailboxName valid = MailboxName.of(name.name());
        if (!valid.isInbox()) {
            String dir = dirName(valid);
            if (dir.getBytes(StandardCharsets.UTF_8).length > MAX_DIR_NAME_BYTES) {
                throw new StoreException(StoreException.Reason.INVALID_NAME, "mailbox name too long");
            }
        }
        return valid;
    }

    /** The directory name below the Maildir root ({@code .A.B}); null for INBOX (the root itself). */
    static String dirName(MailboxName name) {
        if (name.isInbox()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String level : name.parts()) {
            sb.append('.').append(ModifiedUtf7.encode(level, "."));
        }
        return sb.toString();
    }

    /** The mailbox a folder directory holds, or null when the directory name is not a folder we can serve. */
    static MailboxName fromDirName(String dir) {
        if (dir.length() < 2 || dir.charAt(0) != '.' || dir.equals("..")) {
            return null;
        }
        List<String> levels = new ArrayList<>();
        int start = 1;
        while (start <= dir.length()) {
            int dot = dir.indexOf('.', start);
            int end = dot < 0 ? dir.length() : dot;
            String level = dir.substring(start, end);
            if (level.isEmpty()) {
                return null;
            }
            try {
                levels.add(ModifiedUtf7.decodeStored(level));
            } catch (IllegalArgumentException e) {
                return null;
            }
            start = end + 1;
        }
        try {
            MailboxName name = MailboxName.of(String.join("/", levels));
            // a folder named ".INBOX" alone would shadow the root; Dovecot ignores it too
            return name.isInbox() ? null : name;
        } catch (StoreException e) {
            return null;
        }
    }

    /** The name as a subscriptions-file entry in Dovecot's version 2 form: levels in modified UTF-7, tab-separated. */
    static String subscriptionEntry(MailboxName name) {
        StringBuilder sb = new StringBuilder();
        for (String level : name.parts()) {
            if (sb.length() > 0) {
                sb.append('\t');
            }
            String enc = ModifiedUtf7.encode(level, "");
            for (int i = 0; i < enc.length(); i++) {
                char c = enc.charAt(i);
                // Dovecot's tab escaping; modified UTF-7 output never contains these, kept for symmetry
                if (c == '\u0001') {
                    sb.append("\u00011");
                } else {
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /** Parses a subscriptions-file line; {@code version2} when the file has Dovecot's "V\t2" header. */
    static MailboxName fromSubscriptionEntry(String line, boolean version2) {
        if (line.isEmpty()) {
            return null;
        }
        String[] levels = version2 ? line.split("\t", -1) : line.split("\\.", -1);
        List<String> decoded = new ArrayList<>();
        for (String level : levels) {
            String unescaped = level.replace("\u0001t", "\t").replace("\u0001r", "\r").replace("\u0001n", "\n")
                    .replace("\u00011", "\u0001");
            try {
                decoded.add(ModifiedUtf7.decodeStored(unescaped));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        try {
            return MailboxName.of(String.join("/", decoded));
        } catch (StoreException e) {
            return null;
        }
    }
}
