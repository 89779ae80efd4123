package org.poststelle.imap.command;

import java.util.EnumSet;
import java.util.Set;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.SpecialUse;

/**
 * CREATE name [(USE (\Sent ...))] (CREATE-SPECIAL-USE, RFC 6154).
 *
 * @param unknownUse a USE attribute the server does not know (answered {@code NO [USEATTR]}), or null
 */
public record Create(MailboxName mailbox, Set<SpecialUse> specialUse, String unknownUse) implements ImapCommand {
    public static Create parse(Args a) throws BadCommandException {
        String raw = a.mailboxPattern();
        Set<SpecialUse> uses = EnumSet.noneOf(SpecialUse.class);
        String unknown = null;
        if (a.peekList()) {
            Args params = a.list();
            while (params.hasMore()) {
                if (!params.takeAtom("USE")) {
                    throw new BadCommandException("Unknown CREATE parameter");
                }
                Args attrs = params.list();
                while (attrs.hasMore()) {
                    String attr = attrs.atom();
                    SpecialUse use = SpecialUse.fromAttribute(attr);
                    if (use == null) {
                        unknown = attr;
                    } else {
                        uses.add(use);
                    }
                }
            }
        }
        a.end();
        // a trailing delimiter means "I intend to create children"; the store creates the name without it
        String name = raw.endsWith("/") && raw.length() > 1 ? raw.substring(0, raw.length() - 1) : raw;
        return new Create(MailboxName.of(name), uses, unknown);
    }
}
