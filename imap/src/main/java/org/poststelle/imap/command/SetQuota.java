package org.poststelle.imap.command;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;

/**
 * SETQUOTA quota-root (resource limit ...) (RFC 9208). Parsed fully so that bad syntax is still BAD, although
 * users may never change their quota.
 *
 * @param limits resource name in upper case to limit
 */
public record SetQuota(String root, Map<String, Long> limits) implements ImapCommand {
    public static SetQuota parse(Args a) throws BadCommandException {
        String root = a.astring();
        Args list = a.list();
        Map<String, Long> limits = new LinkedHashMap<>();
        while (list.hasMore()) {
            String resource = list.atom().toUpperCase(Locale.ROOT);
            limits.put(resource, list.number());
        }
        a.end();
        return new SetQuota(root, Map.copyOf(limits));
    }
}
