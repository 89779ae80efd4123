package org.poststelle.imap.handler;

import java.util.Set;
import org.poststelle.imap.command.Search.ResultOption;
import org.poststelle.imap.command.Sort;
import org.poststelle.imap.response.Esearch;
import org.poststelle.imap.response.SortResponse;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;
import org.poststelle.imap.session.SelectedMailbox;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.UidSet;
import org.poststelle.store.search.SearchEngine;
import org.poststelle.store.search.SearchQuery;

/**
 * SORT and UID SORT (RFC 5256, RFC 5957), and ESORT (RFC 5267): with RETURN the answer is ESEARCH, where MIN and
 * MAX are the first and last message in sort order and ALL lists the messages in sort order (as Dovecot does).
 */
final class SortHandler implements CommandHandler<Sort> {
    private final SearchEngine engine;

    SortHandler(SearchEngine engine) {
        this.engine = engine;
    }

    @Override
    public Result handle(Sort cmd, ImapSession s) {
        SelectedMailbox sel = s.selected();
        boolean save = cmd.resultOptions().contains(ResultOption.SAVE);
        Result conflict = SearchSupport.conflictingCharset(s, cmd.charset(), true);
        if (conflict != null) {
            return conflict;
        }
        Result refused = SearchSupport.refusedCharset(cmd.charset());
        if (refused != null) {
            if (save) {
                sel.saveSearch(UidSet.empty());
            }
            return refused;
        }
        MailboxSnapshot view;
        SearchQuery query;
        long[] uids;
        try {
            SearchSupport.catchUp(s, cmd.uid());
            view = sel.view();
            query = SearchSupport.query(cmd.search(), sel);
            uids = engine.sort(sel.mailbox(), view, cmd.criteria(), query, SearchSupport.context(sel));
        } catch (RuntimeException e) {
            if (save) {
                sel.saveSearch(UidSet.empty());
            }
            throw e;
        }
        long[] numbers = cmd.uid() ? uids : sequenceNumbers(view, uids);
        boolean modSeq = query.mentionsModSeq();
        if (!cmd.extended()) {
            s.out().write(new SortResponse(numbers, modSeq ? highestModSeq(view, uids) : 0));
        } else {
            respondExtended(s, cmd, view, uids, numbers, modSeq);
        }
        return Result.ok(cmd.uid() ? "UID SORT completed." : "SORT completed.");
    }

    private static void respondExtended(ImapSession s, Sort cmd, MailboxSnapshot view, long[] uids,
            long[] numbers, boolean modSeq) {
        Set<ResultOption> options = cmd.resultOptions();
        boolean min = options.contains(ResultOption.MIN);
        boolean max = options.contains(ResultOption.MAX);
        boolean onlyEnds = (min || max) && !options.contains(ResultOption.ALL)
                && !options.contains(ResultOption.COUNT);
        long[] reported = uids;
        if (onlyEnds && uids.length > 0) {
            reported = min && max ? new long[] {uids[0], uids[uids.length - 1]}
                    : new long[] {min ? uids[0] : uids[uids.length - 1]};
        }
        if (options.contains(ResultOption.SAVE)) {
            s.selected().saveSearch(UidSet.of(reported));
            if (options.size() == 1) {
                return;
            }
        }
        boolean empty = numbers.length == 0;
        s.out().write(new Esearch(s.tag(), cmd.uid(),
                min && !empty ? numbers[0] : 0,
                max && !empty ? numbers[numbers.length - 1] : 0,
                options.contains(ResultOption.ALL) ? inOrder(numbers) : null,
                options.contains(ResultOption.COUNT) ? numbers.length : -1,
                modSeq ? highestModSeq(view, reported) : 0));
    }

    static long[] sequenceNumbers(MailboxSnapshot view, long[] uids) {
        long[] msns = new long[uids.length];
        for (int i = 0; i < uids.length; i++) {
            msns[i] = view.indexOf(uids[i]) + 1L;
        }
        return msns;
    }

    static long highestModSeq(MailboxSnapshot view, long[] uids) {
        long highest = 0;
        for (long uid : uids) {
            highest = Math.max(highest, view.modSeq(view.indexOf(uid)));
        }
        return highest;
    }

    /** A sequence set that keeps the order: ascending runs become ranges ({@code 7:9,4:6,1:3}). */
    static String inOrder(long[] numbers) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < numbers.length) {
            int j = i;
            while (j + 1 < numbers.length && numbers[j + 1] == numbers[j] + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(numbers[i]);
            if (j > i) {
                sb.append(':').append(numbers[j]);
            }
            i = j + 1;
        }
        return sb.toString();
    }
}
