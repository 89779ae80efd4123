package org.poststelle.imap.command;

/** One FETCH data item. */
public sealed interface FetchItem {

    /** Items without parameters. */
    enum Simple implements FetchItem {
        FLAGS, UID, INTERNALDATE, RFC822_SIZE, ENVELOPE, BODY, BODYSTRUCTURE, RFC822, RFC822_HEADER, RFC822_TEXT,
        /** RFC 7162. */
        MODSEQ,
        /** RFC 8514: when the message was saved into this mailbox. */
        SAVEDATE,
        /** RFC 8474 object ids. */
        EMAILID, THREADID,
        /** RFC 8970, with or without the LAZY modifier: the server always has one at hand. */
        PREVIEW
    }

    /**
     * BODY[section]&lt;partial&gt; and BODY.PEEK[...].
     *
     * @param offset partial origin, or -1 for the whole section
     * @param length partial length (when offset is not -1)
     */
    record BodySection(Section section, boolean peek, long offset, long length) implements FetchItem {
        public boolean partial() {
            return offset >= 0;
        }
    }

    /**
     * BINARY[part]&lt;partial&gt; and BINARY.PEEK[...] (RFC 3516): the part with its Content-Transfer-Encoding
     * undone; the partial counts decoded octets.
     *
     * @param section a part path only ({@link Section.Kind#ALL}); empty for the whole message
     * @param offset partial origin, or -1 for the whole part
     */
    record Binary(Section section, boolean peek, long offset, long length) implements FetchItem {
        public boolean partial() {
            return offset >= 0;
        }
    }

    /** BINARY.SIZE[part] (RFC 3516): the decoded size, what BINARY[part] would send. */
    record BinarySize(Section section) implements FetchItem {
    }
}
