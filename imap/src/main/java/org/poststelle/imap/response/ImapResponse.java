package org.poststelle.imap.response;

import org.poststelle.imap.protocol.ImapWriter;

/** A server response that writes itself, line ending included. */
@FunctionalInterface
public interface ImapResponse {
    void writeTo(ImapWriter w);
}
