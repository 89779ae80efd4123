package org.poststelle.imap.response;

import java.util.List;
import org.poststelle.imap.protocol.ImapWriter;

/** {@code * FLAGS (\Answered \Flagged ...)}: the flags the mailbox uses. */
public record FlagsResponse(List<String> flags) implements ImapResponse {
    @Override
    public void writeTo(ImapWriter w) {
        w.untagged().atom("FLAGS").open();
        for (String f : flags) {
            w.atom(f);
        }
        w.close().end();
    }
}
