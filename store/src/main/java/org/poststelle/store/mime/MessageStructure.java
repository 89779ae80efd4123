package org.poststelle.store.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The parsed structure of one message in CRLF form: the header block, the envelope and the MIME tree with
 * byte offsets of every part's header and body. Built in one streaming pass that keeps no body bytes (only
 * offsets, counts and the few header values IMAP reports), so it is cheap to cache per message.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class MessageStructure {
    private final long size;
    private final MimePart root;

    private MessageStructure(long size, MimePart root) {
        this.size = size;
        this.root = root;
    }

    /**
     * Parses a message given in CRLF form. Never fails on malformed MIME (broken input yields the structure
     * RFC 2045/2046 defaults imply); only the stream's own IOException escapes. Reads the stream to its end
     * but does not close it.
     */
    public static MessageStructure parse(InputStream crlfMessage) throws IOException {
        Objects.requireNonNull(crlfMessage, "crlfMessage");
        long[] size = new long[1];
        MimePart root = MimeParser.parse(crlfMessage, size);
        return new MessageStructure(size[0], root);
    }

    /** Message size in octets (RFC822.SIZE). */
    public long size() {
        return size;
    }

    /** Length of the header block including the blank line that ends it (the whole message when there is none). */
    public long headerLength() {
        return root.headerLength();
    }

    public long bodyOffset() {
        return root.bodyOffset();
    }

    /** The top-level part: its header is the message header, its body the message text. */
    public MimePart root() {
        return root;
    }

    /** The top-level envelope. */
    public Envelope envelope() {
        return root.envelope();
    }
}
