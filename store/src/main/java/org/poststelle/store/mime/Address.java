package org.poststelle.store.mime;

/**
 * One element of an IMAP address list (RFC 3501 §7.4.2): display name, source route (obsolete "at-domain-list",
 * e.g. {@code @a,@b}), mailbox (local part) and host. Groups are flattened as RFC 3501 prescribes: a start
 * marker (mailbox = group name, host = null) before the members and an end marker (all null) after them.
 * Encoded words in names are left as they are.
 */
public record Address(String name, String adl, String mailbox, String host) {

    public static Address groupStart(String groupName) {
        return new Address(null, null, groupName, null);
    }

    public static Address groupEnd() {
        return new Address(null, null, null, null);
    }

    public boolean isGroupStart() {
        return host == null && mailbox != null;
    }

    public boolean isGroupEnd() {
        return host == null && mailbox == null;
    }
}
