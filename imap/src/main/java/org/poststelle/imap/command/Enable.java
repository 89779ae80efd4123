package org.poststelle.imap.command;

import java.util.ArrayList;
import java.util.List;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;

/** ENABLE capability... (RFC 5161). */
public record Enable(List<String> capabilities) implements ImapCommand {
    public static Enable parse(Args a) throws BadCommandException {
        List<String> caps = new ArrayList<>();
        while (a.hasMore()) {
            caps.add(a.atom());
        }
        if (caps.isEmpty()) {
            throw new BadCommandException("ENABLE needs at least one capability");
        }
        return new Enable(caps);
    }
}
