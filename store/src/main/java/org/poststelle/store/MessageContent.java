package org.poststelle.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.util.Optional;
import org.poststelle.store.mime.MessageStructure;

/**
 * A message's bytes, always presented with CRLF line endings whatever the backend stores, plus its parsed
 * MIME structure. Offsets and lengths refer to the CRLF form.
 */
public interface MessageContent {

    /** Size in the CRLF form (RFC822.SIZE). */
    long size();

    /** The whole message. */
    InputStream open() throws IOException;

    /** {@code length} bytes from {@code offset} (clipped to the message). */
    InputStream open(long offset, long length) throws IOException;

    /**
     * A file channel over exactly the CRLF bytes, when the backend stores them so (for zero-copy sends
     * without TLS); empty otherwise. The caller closes it.
     */
    default Optional<FileChannel> openChannel() throws IOException {
        return Optional.empty();
    }

    /**
     * The message's file as stored, where lines may end in a bare LF, for a reader that makes every line end
     * CRLF itself in the same pass (POP3 dot-stuffing does); empty when the backend does not keep the message
     * in one file. By default the same as {@link #openChannel}. The caller closes it.
     */
    default Optional<FileChannel> openStoredChannel() throws IOException {
        return openChannel();
    }

    /** The parsed structure (header block, envelope, MIME tree with offsets), parsed once and cached. */
    MessageStructure structure();
}
