package org.poststelle.imap.response;

import org.poststelle.imap.protocol.ImapWriter;

/**
 * The tagged completion of a command: {@code a1 OK [READ-WRITE] SELECT completed}.
 *
 * @param code the response code without brackets ({@code APPENDUID 38505 3955}), or null
 */
public record Tagged(String tag, Status status, String code, String text) implements ImapResponse {
    @Override
    public void writeTo(ImapWriter w) {
        w.tag(tag).atom(status.name());
        UntaggedStatus.writeCodeAndText(w, code, text);
        w.end();
    }
}
