package org.poststelle.store.model;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * A message to append. The content is read once, from a source the caller owns (a literal spooled to
 * memory or disk); it may use bare LF or CRLF line endings.
 *
 * @param content opens the message bytes
 * @param size the number of bytes {@code content} will give
 * @param flags initial flags
 * @param internalDate the internal date, or null for "now"
 */
public record NewMessage(Source content, long size, Flags flags, Instant internalDate) {
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    public static NewMessage of(byte[] bytes, Flags flags, Instant internalDate) {
        return new NewMessage(() -> new java.io.ByteArrayInputStream(bytes), bytes.length, flags, internalDate);
    }
}
