package org.poststelle.imap.response;

import java.util.List;
import org.poststelle.imap.protocol.ImapWriter;

/**
 * {@code * LIST (\HasNoChildren) "/" INBOX}, or LSUB; with RFC 5258 CHILDINFO extended data when given.
 *
 * @param childInfo CHILDINFO values ("SUBSCRIBED"), empty for none
 */
public record ListResponse(String command, List<String> attributes, String name, List<String> childInfo)
        implements ImapResponse {
    @Override
    public void writeTo(ImapWriter w) {
        w.untagged().atom(command).open();
        for (String a : attributes) {
            w.atom(a);
        }
        w.close().quoted("/").mailbox(name);
        if (!childInfo.isEmpty()) {
            w.open().quoted("CHILDINFO").open();
            for (String c : childInfo) {
                w.quoted(c);
            }
            w.close().close();
        }
        w.end();
    }
}
