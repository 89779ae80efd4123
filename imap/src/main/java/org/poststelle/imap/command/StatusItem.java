package org.poststelle.imap.command;

import java.util.Locale;

/** STATUS data items (RFC 3501, RFC 9051 DELETED and SIZE / RFC 8438). */
public enum StatusItem {
    MESSAGES, RECENT, UIDNEXT, UIDVALIDITY, UNSEEN, DELETED, SIZE;

    /** The item for a name, or null. */
    public static StatusItem of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
