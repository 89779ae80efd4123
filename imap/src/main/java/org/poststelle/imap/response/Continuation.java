package org.poststelle.imap.response;

import org.poststelle.imap.protocol.ImapWriter;

/** A command continuation request: {@code + Ready}, or a base64 SASL challenge. */
public record Continuation(String text) implements ImapResponse {
    @Override
    public void writeTo(ImapWriter w) {
        w.continuation();
        w.text(text.isEmpty() ? "" : text);
        w.end();
    }
}
