package org.poststelle.imap.command;

import java.util.Locale;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.store.search.ThreadAlgorithm;

/** THREAD and UID THREAD (RFC 5256): {@code algorithm charset keys}. */
public record ThreadCommand(boolean uid, ThreadAlgorithm algorithm, String charset, SearchCriteria search)
        implements ImapCommand {

    public static ThreadCommand parse(Args a) throws BadCommandException {
        return parse(a, false);
    }

    public static ThreadCommand parseUid(Args a) throws BadCommandException {
        return parse(a, true);
    }

    private static ThreadCommand parse(Args a, boolean uid) throws BadCommandException {
        String name = a.atom().toUpperCase(Locale.ROOT);
        ThreadAlgorithm algorithm;
        try {
            algorithm = ThreadAlgorithm.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new BadCommandException("Unknown threading algorithm " + (name.length() > 20 ? "" : name));
        }
        String charset = a.astring();
        return new ThreadCommand(uid, algorithm, charset, SearchKeyParser.parse(a));
    }
}
