package org.poststelle.imap.command;

import java.util.Locale;

/** STATUS data items (RFC 3501, RFC 9051 DELETED and SIZE / RFC 8438, RFC 9208 DELETED-STORAGE, RFC 7162,
 * RFC 8474 MAILBOXID). */
public enum StatusItem {
    MESSAGES, RECENT, UIDNEXT, UIDVALIDITY, UNSEEN, DELETED, SIZE, DELETED_STORAGE, HIGHESTMODSEQ,
    /** RFC 8474. */
    MAILBOXID;

    /** The item for a name, or null. */
    public static StatusItem of(String name) {
        if (name.indexOf('_') >= 0) {
            return null;
        }
        try {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The name on the wire ({@code DELETED-STORAGE}). */
    public String wireName() {
        return name().replace('_', '-');
    }
}
