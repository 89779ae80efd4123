package org.poststelle.imap.response;

import java.util.List;
import org.poststelle.imap.protocol.ImapWriter;

/** {@code * CAPABILITY IMAP4rev1 ...}. */
public record CapabilityResponse(List<String> capabilities) implements ImapResponse {
    @Override
    public void writeTo(ImapWriter w) {
        w.untagged().atom("CAPABILITY");
        for (String c : capabilities) {
            w.atom(c);
        }
        w.end();
    }
}
