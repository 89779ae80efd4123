package org.poststelle.imap.command;

import java.util.ArrayList;
import java.util.List;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.store.model.MailboxName;

/** STATUS name (items). */
public record Status(MailboxName mailbox, List<StatusItem> items) implements ImapCommand {
    public static Status parse(Args a) throws BadCommandException {
        MailboxName name = a.mailbox();
        List<StatusItem> items = items(a.list());
        a.end();
        return new Status(name, items);
    }

    /** A parenthesised list of status items (also used by LIST ... RETURN (STATUS (...))). */
    public static List<StatusItem> items(Args list) throws BadCommandException {
        List<StatusItem> items = new ArrayList<>();
        while (list.hasMore()) {
            String name = list.atom();
            StatusItem item = StatusItem.of(name);
            if (item == null) {
                throw new BadCommandException("Unknown STATUS item " + name);
            }
            if (!items.contains(item)) {
                items.add(item);
            }
        }
        if (items.isEmpty()) {
            throw new BadCommandException("STATUS needs at least one item");
        }
        return items;
    }
}
