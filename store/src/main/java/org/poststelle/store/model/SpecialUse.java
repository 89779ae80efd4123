package org.poststelle.store.model;

/** RFC 6154 special-use attributes the store keeps per mailbox. */
public enum SpecialUse {
    ALL("\\All"), ARCHIVE("\\Archive"), DRAFTS("\\Drafts"), FLAGGED("\\Flagged"), JUNK("\\Junk"),
    SENT("\\Sent"), TRASH("\\Trash");

    private final String attribute;

    SpecialUse(String attribute) {
        this.attribute = attribute;
    }

    /** The IMAP attribute, e.g. {@code \Sent}. */
    public String attribute() {
        return attribute;
    }

    public static SpecialUse fromAttribute(String a) {
        for (SpecialUse u : values()) {
            if (u.attribute.equalsIgnoreCase(a)) {
                return u;
            }
        }
        return null;
    }
}
