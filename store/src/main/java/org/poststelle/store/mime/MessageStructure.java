package org.poststelle.store.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * The parsed structure of one message (CRLF form): where the header ends and the body starts. The IMAP
 * work extends this with the envelope and the MIME tree (BODYSTRUCTURE, section offsets).
 */
public final class MessageStructure {
    private final long size;
    private final long headerLength;

    private MessageStructure(long size, long headerLength) {
        this.size = size;
        this.headerLength = headerLength;
    }

    /** Parses a message given in CRLF form. */
    public static MessageStructure parse(InputStream crlfMessage) throws IOException {
        long pos = 0;
        long headerLength = -1;
        int state = 0; // counts the CR LF CR LF sequence
        int b;
        byte[] buf = new byte[8192];
        int n;
        while ((n = crlfMessage.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                b = buf[i];
                pos++;
                if (headerLength < 0) {
                    state = switch (state) {
                        case 0, 2 -> b == '\r' ? state + 1 : 0;
                        case 1 -> b == '\n' ? 2 : b == '\r' ? 1 : 0;
                        case 3 -> b == '\n' ? 4 : b == '\r' ? 1 : 0;
                        default -> state;
                    };
                    if (state == 4) {
                        headerLength = pos;
                    }
                }
            }
        }
        return new MessageStructure(pos, headerLength < 0 ? pos : headerLength);
    }

    public long size() {
        return size;
    }

    /** Length of the header block including the blank line that ends it (the whole message when there is none). */
    public long headerLength() {
        return headerLength;
    }

    public long bodyOffset() {
        return headerLength;
    }
}
