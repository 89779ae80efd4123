package org.poststelle.imap.response;

import java.util.List;
import org.poststelle.imap.protocol.ImapWriter;

/** {@code * ENABLED IMAP4rev2} (RFC 5161). */
public record Enabled(List<String> capabilities) implements ImapResponse {
    @Override
    public void writeTo(ImapWriter w) {
        w.untagged().atom("ENABLED");
        for (String c : capabilities) {
            w.atom(c);
        }
        w.end();
    }
}
