package org.poststelle.imap.command;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;

/**
 * SEARCH and UID SEARCH: {@code [RETURN (options)] [CHARSET name] keys} (RFC 3501, RFC 4731, RFC 9051).
 *
 * @param resultOptions the RETURN options (ESEARCH); empty when there was no RETURN, {@code RETURN ()} means ALL
 * @param charset the CHARSET argument, or null
 */
public record Search(boolean uid, Set<ResultOption> resultOptions, String charset, SearchCriteria criteria)
        implements ImapCommand {

    /** The search-return-opt values of RFC 4731 and RFC 5182. */
    public enum ResultOption {
        MIN, MAX, ALL, COUNT, SAVE
    }

    public Search {
        resultOptions = Collections.unmodifiableSet(resultOptions.isEmpty()
                ? EnumSet.noneOf(ResultOption.class) : EnumSet.copyOf(resultOptions));
    }

    public static Search parse(Args a) throws BadCommandException {
        return parse(a, false);
    }

    public static Search parseUid(Args a) throws BadCommandException {
        return parse(a, true);
    }

    private static Search parse(Args a, boolean uid) throws BadCommandException {
        Set<ResultOption> options = EnumSet.noneOf(ResultOption.class);
        if (a.takeAtom("RETURN")) {
            options = resultOptions(a.list());
        }
        String charset = a.takeAtom("CHARSET") ? a.astring() : null;
        return new Search(uid, options, charset, SearchKeyParser.parse(a));
    }

    /** The list after RETURN (also used by SORT, RFC 5267): empty means ALL. */
    public static Set<ResultOption> resultOptions(Args list) throws BadCommandException {
        Set<ResultOption> options = EnumSet.noneOf(ResultOption.class);
        while (list.hasMore()) {
            String name = list.atom().toUpperCase(Locale.ROOT);
            try {
                options.add(ResultOption.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new BadCommandException("Unknown RETURN option " + (name.length() > 20 ? "" : name));
            }
        }
        if (options.isEmpty()) {
            options.add(ResultOption.ALL);
        }
        return options;
    }

    /** Whether the answer is an ESEARCH response (a RETURN was given). */
    public boolean extended() {
        return !resultOptions.isEmpty();
    }
}
