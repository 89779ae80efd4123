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
    private final boolean containsNul;

    private MessageStructure(long size, MimePart root, boolean containsNul) {
        this.size = size;
        this.root = root;
        this.containsNul = containsNul;
    }

    /**
     * Parses a message given in CRLF form. Never fails on malformed MIME (broken input yields the structure
     * RFC 2045/2046 defaults imply); only the stream's own IOException escapes. Reads the stream to its end
     * but does not close it.
     */
    public static MessageStructure parse(InputStream crlfMessage) throws IOException {
        Objects.requireNonNull(crlfMessage, "crlfMessage");
        long[] sizeAndNul = new long[2];
        MimePart root = MimeParser.parse(crlfMessage, sizeAndNul);
        return new MessageStructure(sizeAndNul[0], root, sizeAndNul[1] != 0);
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

    /**
     * Whether a NUL octet occurs anywhere in the message. IMAP must not send NUL in a plain literal (RFC 3501
     * §4.3), so its sender needs to know whether stored octets can go out untouched (e.g. zero-copy) or must
     * be filtered; learning it here costs nothing extra, the parse reads every octet anyway.
     */
    public boolean containsNul() {
        return containsNul;
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
