package org.poststelle.store.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poststelle.store.StoreException;

/**
 * A mailbox name as clients see it: Unicode, hierarchy delimiter {@code /}, {@code INBOX} case-insensitive
 * (always stored as "INBOX"). Protocol encodings (IMAP modified UTF-7) are decoded by the front-end; on-disk
 * encodings are the backend's business. Validation that a name is safe to store (no "..", NUL, overlong
 * parts) is done by {@link #of}.
 */
public record MailboxName(String name) implements Comparable<MailboxName> {
    public static final char DELIMITER = '/';
    public static final MailboxName INBOX = new MailboxName("INBOX");
    public static final int MAX_LENGTH = 512;
    public static final int MAX_PART_LENGTH = 200;
    public static final int MAX_DEPTH = 32;

    public MailboxName {
        if (name == null) {
            throw new IllegalArgumentException("null mailbox name");
        }
    }

    /**
     * Normalizes and validates a client-supplied name. INBOX (any case) and INBOX/... are canonicalized.
     *
     * @throws StoreException with reason INVALID_NAME
     */
    public static MailboxName of(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw invalid("empty mailbox name");
        }
        String s = raw;
        if (s.length() > MAX_LENGTH) {
            throw invalid("mailbox name too long");
        }
        if (s.charAt(0) == DELIMITER || s.charAt(s.length() - 1) == DELIMITER) {
            throw invalid("mailbox name may not start or end with /");
        }
        String[] parts = s.split("/", -1);
        if (parts.length > MAX_DEPTH) {
            throw invalid("mailbox hierarchy too deep");
        }
        for (String p : parts) {
            if (p.isEmpty()) {
                throw invalid("empty level in mailbox name");
            }
            if (p.equals(".") || p.equals("..")) {
                throw invalid("mailbox name may not contain . or .. levels");
            }
            if (p.length() > MAX_PART_LENGTH) {
                throw invalid("mailbox name level too long");
            }
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c < 0x20 || c == 0x7f || c == '\\' || (c >= 0x80 && c <= 0x9f)) {
                    throw invalid("mailbox name contains a control character or backslash");
                }
                if (Character.isHighSurrogate(c) && i + 1 < p.length() && Character.isLowSurrogate(p.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    // half a character: no encoding (UTF-8, modified UTF-7) can carry it
                    throw invalid("mailbox name is not valid Unicode");
                }
            }
            if (p.startsWith(".") || p.contains("..")) {
                // Maildir++ uses '.' as its on-disk separator; a leading dot or ".." cannot round-trip safely
                throw invalid("mailbox name level may not start with a dot or contain ..");
            }
        }
        if (parts[0].equalsIgnoreCase("INBOX")) {
            parts[0] = "INBOX";
            s = String.join("/", parts);
        }
        return new MailboxName(s);
    }

    private static StoreException invalid(String why) {
        return new StoreException(StoreException.Reason.INVALID_NAME, why);
    }

    public boolean isInbox() {
        return name.equals("INBOX");
    }

    public List<String> parts() {
        return List.of(name.split("/"));
    }

    public MailboxName parent() {
        int i = name.lastIndexOf(DELIMITER);
        return i < 0 ? null : new MailboxName(name.substring(0, i));
    }

    /** Every ancestor, outermost first ("a/b/c" gives "a", "a/b"). */
    public List<MailboxName> ancestors() {
        List<MailboxName> out = new ArrayList<>();
        int i = name.indexOf(DELIMITER);
        while (i >= 0) {
            out.add(new MailboxName(name.substring(0, i)));
            i = name.indexOf(DELIMITER, i + 1);
        }
        return out;
    }

    public boolean isDescendantOf(MailboxName other) {
        return name.startsWith(other.name + DELIMITER);
    }

    public MailboxName child(String part) {
        return new MailboxName(name + DELIMITER + part);
    }

    public String leaf() {
        return name.substring(name.lastIndexOf(DELIMITER) + 1);
    }

    public String lowerCase() {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public int compareTo(MailboxName o) {
        return name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
