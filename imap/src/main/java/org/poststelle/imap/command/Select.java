package org.poststelle.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.store.model.MailboxName;

/**
 * SELECT and EXAMINE.
 *
 * @param readOnly EXAMINE
 * @param parameters select parameters in upper case (RFC 4466: CONDSTORE, QRESYNC ...), reserved for their
 *        extensions; none is accepted yet
 */
public record Select(MailboxName mailbox, boolean readOnly, List<String> parameters) implements ImapCommand {
    public static Select parseSelect(Args a) throws BadCommandException {
        return parse(a, false);
    }

    public static Select parseExamine(Args a) throws BadCommandException {
        return parse(a, true);
    }

    private static Select parse(Args a, boolean readOnly) throws BadCommandException {
        MailboxName name = a.mailbox();
        List<String> params = new ArrayList<>();
        if (a.peekList()) {
            Args list = a.list();
            while (list.hasMore()) {
                String p = list.atom().toUpperCase(Locale.ROOT);
                throw new BadCommandException("Unsupported SELECT parameter " + p);
            }
        }
        a.end();
        return new Select(name, readOnly, params);
    }
}
