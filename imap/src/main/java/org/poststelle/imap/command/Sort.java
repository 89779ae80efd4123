package org.poststelle.imap.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.poststelle.imap.command.Search.ResultOption;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.store.search.SortCriterion;
import org.poststelle.store.search.SortKey;

/**
 * SORT and UID SORT (RFC 5256, RFC 5957): {@code [RETURN (options)] (criteria) charset keys}; RETURN is ESORT
 * (RFC 5267).
 *
 * @param resultOptions the ESORT RETURN options; empty when there was no RETURN
 */
public record Sort(boolean uid, Set<ResultOption> resultOptions, List<SortCriterion> criteria, String charset,
        SearchCriteria search) implements ImapCommand {

    public Sort {
        resultOptions = Collections.unmodifiableSet(resultOptions.isEmpty()
                ? EnumSet.noneOf(ResultOption.class) : EnumSet.copyOf(resultOptions));
        criteria = List.copyOf(criteria);
    }

    public static Sort parse(Args a) throws BadCommandException {
        return parse(a, false);
    }

    public static Sort parseUid(Args a) throws BadCommandException {
        return parse(a, true);
    }

    private static Sort parse(Args a, boolean uid) throws BadCommandException {
        Set<ResultOption> options = EnumSet.noneOf(ResultOption.class);
        if (a.takeAtom("RETURN")) {
            options = Search.resultOptions(a.list());
        }
        List<SortCriterion> criteria = criteria(a.list());
        String charset = a.astring();
        return new Sort(uid, options, criteria, charset, SearchKeyParser.parse(a));
    }

    private static List<SortCriterion> criteria(Args list) throws BadCommandException {
        List<SortCriterion> criteria = new ArrayList<>();
        if (!list.hasMore()) {
            throw new BadCommandException("Empty sort criteria");
        }
        while (list.hasMore()) {
            boolean reverse = list.takeAtom("REVERSE");
            String name = list.atom().toUpperCase(Locale.ROOT);
            SortKey key;
            try {
                key = SortKey.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new BadCommandException("Unknown sort key " + (name.length() > 20 ? "" : name));
            }
            criteria.add(new SortCriterion(key, reverse));
        }
        return criteria;
    }

    public boolean extended() {
        return !resultOptions.isEmpty();
    }
}
