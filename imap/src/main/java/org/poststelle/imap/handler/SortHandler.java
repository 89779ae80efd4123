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
import org.poststelle.store.search.SearchContext;
import org.poststelle.store.search.SearchEngine;
import org.poststelle.store.search.SearchQuery;

/**
 * SORT and UID SORT (RFC 5256, RFC 5957), and ESORT (RFC 5267): with RETURN the answer is ESEARCH, where MIN and
 * MAX are the first and last message in sort order and ALL lists the messages in sort order (as Dovecot does).
 */
final class SortHandler implements CommandHandler<Sort> {
    private final SearchEngine engine;
    private final SearchWork work;

    SortHandler(SearchEngine engine, SearchWork work) {
        this.engine = engine;
        this.work = work;
    }

    @Override
    public Result handle(Sort cmd, ImapSession s) {
        SelectedMailbox sel = s.selected();
        Runnable forgetSaved = SearchSupport.forgetSavedIf(cmd.resultOptions().contains(ResultOption.SAVE), sel);
        Result conflict = SearchSupport.conflictingCharset(s, cmd.charset());
        if (conflict != null) {
            return conflict;
        }
        Result refused = SearchSupport.refusedCharset(cmd.charset());
        if (refused != null) {
            forgetSaved.run();
            return refused;
        }
        MailboxSnapshot view;
        SearchQuery query;
        try {
            SearchSupport.catchUp(s, cmd.uid());
            view = sel.view();
            query = SearchSupport.query(cmd.search(), sel);
        } catch (RuntimeException e) {
            forgetSaved.run();
            throw e;
        }
        SearchContext context = SearchSupport.context(sel);
        // sort keys other than ARRIVAL and SIZE come from the headers
        return work.run(s, true, () -> engine.sort(sel.mailbox(), view, cmd.criteria(), query, context),
                uids -> answer(cmd, s, view, query, uids), forgetSaved);
    }

    private static Result answer(Sort cmd, ImapSession s, MailboxSnapshot view, SearchQuery query, long[] uids) {
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
