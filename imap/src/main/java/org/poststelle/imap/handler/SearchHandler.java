package org.poststelle.imap.handler;

import java.util.Set;
import org.poststelle.imap.command.Search;
import org.poststelle.imap.command.Search.ResultOption;
import org.poststelle.imap.response.Esearch;
import org.poststelle.imap.response.SearchResponse;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;
import org.poststelle.imap.session.SelectedMailbox;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.UidSet;
import org.poststelle.store.search.SearchContext;
import org.poststelle.store.search.SearchEngine;
import org.poststelle.store.search.SearchQuery;
import org.poststelle.store.search.SearchResult;

/**
 * SEARCH and UID SEARCH: {@code * SEARCH} for IMAP4rev1 without RETURN, else ESEARCH (RFC 4731; always under
 * IMAP4rev2, RFC 9051). RETURN (SAVE) keeps the result as {@code $} (RFC 5182); a SEARCH with SAVE that fails
 * with NO empties {@code $}, so a pipelined command using it cannot act on an older result. A search that reads
 * message files runs on {@link SearchWork}'s pool.
 */
final class SearchHandler implements CommandHandler<Search> {
    private final SearchEngine engine;
    private final SearchWork work;

    SearchHandler(SearchEngine engine, SearchWork work) {
        this.engine = engine;
        this.work = work;
    }

    @Override
    public Result handle(Search cmd, ImapSession s) {
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
            query = SearchSupport.query(cmd.criteria(), sel);
        } catch (RuntimeException e) {
            forgetSaved.run();
            throw e;
        }
        SearchContext context = SearchSupport.context(sel);
        return work.run(s, query.readsMessages(), () -> engine.search(sel.mailbox(), view, query, context),
                found -> answer(cmd, s, view, query, found), forgetSaved);
    }

    private static Result answer(Search cmd, ImapSession s, MailboxSnapshot view, SearchQuery query,
            SearchResult found) {
        boolean modSeq = query.mentionsModSeq();
        UidSet numbers = cmd.uid() ? found.uids() : found.sequenceNumbers(view);
        if (!cmd.extended() && !s.extensions().imap4rev2()) {
            s.out().write(new SearchResponse(numbers, modSeq ? found.highestModSeq() : 0));
        } else {
            Set<ResultOption> options = cmd.extended() ? cmd.resultOptions() : Set.of(ResultOption.ALL);
            respondExtended(s, cmd.uid(), options, view, found, numbers, modSeq);
        }
        return Result.ok(cmd.uid() ? "UID SEARCH completed." : "SEARCH completed.");
    }

    private static void respondExtended(ImapSession s, boolean uid, Set<ResultOption> options,
            MailboxSnapshot view, SearchResult found, UidSet numbers, boolean modSeq) {
        boolean min = options.contains(ResultOption.MIN);
        boolean max = options.contains(ResultOption.MAX);
        // with only MIN and/or MAX, SAVE keeps and MODSEQ describes just those messages (RFC 5182, RFC 4731)
        boolean onlyEnds = (min || max) && !options.contains(ResultOption.ALL)
                && !options.contains(ResultOption.COUNT);
        UidSet reported = found.uids();
        if (onlyEnds && !reported.isEmpty()) {
            UidSet.Builder ends = new UidSet.Builder();
            if (min) {
                ends.add(reported.min());
            }
            if (max) {
                ends.add(reported.max());
            }
            reported = ends.build();
        }
        if (options.contains(ResultOption.SAVE)) {
            s.selected().saveSearch(reported);
            if (options.size() == 1) {
                return;
            }
        }
        long highest = 0;
        if (modSeq && onlyEnds) {
            for (long u : reported.toArray()) {
                highest = Math.max(highest, view.modSeq(view.indexOf(u)));
            }
        } else if (modSeq) {
            highest = found.highestModSeq();
        }
        boolean empty = numbers.isEmpty();
        s.out().write(new Esearch(s.tag(), uid,
                min && !empty ? numbers.min() : 0,
                max && !empty ? numbers.max() : 0,
                options.contains(ResultOption.ALL) ? numbers.toString() : null,
                options.contains(ResultOption.COUNT) ? numbers.size() : -1,
                highest));
    }
}
