package org.poststelle.imap.command;

import java.util.LinkedHashMap;
import java.util.Map;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;

/** ID (RFC 2971): the client's field/value pairs, or null for {@code ID NIL}. */
public record Id(Map<String, String> fields) implements ImapCommand {
    private static final int MAX_FIELDS = 30;

    public static Id parse(Args a) throws BadCommandException {
        if (a.takeAtom("NIL")) {
            a.end();
            return new Id(null);
        }
        Args list = a.list();
        a.end();
        Map<String, String> fields = new LinkedHashMap<>();
        while (list.hasMore()) {
            String key = list.string();
            String value = list.nstring();
            if (fields.size() >= MAX_FIELDS) {
                throw new BadCommandException("Too many ID fields");
            }
            fields.put(key, value);
        }
        return new Id(fields);
    }
}
