package org.poststelle.imap.handler;

import org.poststelle.imap.command.SearchCriteria;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;
import org.poststelle.imap.session.SelectedMailbox;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.UidSet;
import org.poststelle.store.search.BadCharsetException;
import org.poststelle.store.search.SearchCharsets;
import org.poststelle.store.search.SearchContext;
import org.poststelle.store.search.SearchQuery;

/** What SEARCH, SORT and THREAD share: CHARSET, sequence sets against the session's view, the search context. */
final class SearchSupport {
    private SearchSupport() {
    }

    /** Null when the charset (or none) is accepted, else the {@code NO [BADCHARSET (UTF-8 US-ASCII)]} answer. */
    static Result refusedCharset(String charset) {
        try {
            SearchCharsets.check(charset);
            return null;
        } catch (BadCharsetException e) {
            return Result.no("BADCHARSET (" + String.join(" ", e.supported()) + ")",
                    "Unsupported charset; use UTF-8.");
        }
    }

    /**
     * What a SEARCH or SORT undoes when it fails: with RETURN (SAVE) it empties {@code $}, so a pipelined command
     * using it cannot act on an older result (RFC 5182 section 2.1).
     */
    static Runnable forgetSavedIf(boolean save, SelectedMailbox sel) {
        return save ? () -> sel.saveSearch(UidSet.empty()) : () -> { };
    }

    /**
     * Null, or {@code BAD} for a charset label that conflicts with UTF8=ACCEPT (RFC 6855 section 3 with erratum
     * 4029). The erratum says SEARCH SHOULD take no CHARSET at all once UTF8=ACCEPT is enabled; UTF-8 and
     * US-ASCII are accepted anyway, since they do not conflict with UTF-8 strings and clients that send them
     * (as they must for SORT and THREAD) would otherwise fail for nothing. Not under IMAP4rev2, which RFC 9755
     * does not extend.
     */
    static Result conflictingCharset(ImapSession s, String charset) {
        if (!s.extensions().utf8Accept() || s.extensions().imap4rev2() || charset == null
                || charset.equalsIgnoreCase("UTF-8") || charset.equalsIgnoreCase("US-ASCII")) {
            return null;
        }
        return Result.bad("Only UTF-8 after ENABLE UTF8=ACCEPT");
    }

    /**
     * Brings the view up to date before searching, so the answer covers what the client is told in the same
     * response: new messages and flag changes always, expunges only for the UID forms (RFC 3501 section 7.4.1;
     * by sequence number a message expunged elsewhere stays in the view until a later command).
     */
    static void catchUp(ImapSession s, boolean uid) {
        s.selected().sync(s.out(), s.extensions(), uid, false);
    }

    /** The program with its sequence sets resolved against the session's current view. */
    static SearchQuery query(SearchCriteria criteria, SelectedMailbox sel) {
        return criteria.resolve(resolver(sel.view(), sel.savedSearch()));
    }

    /**
     * Sequence sets as a search means them: numbers beyond the mailbox and {@code *} in an empty mailbox match
     * nothing (as in Dovecot), unlike FETCH, where they are an error.
     */
    static SearchCriteria.SetResolver resolver(MailboxSnapshot view, UidSet saved) {
        return (set, uid) -> {
            if (set.isSaved()) {
                return saved;
            }
            int n = view.size();
            if (n == 0) {
                return UidSet.empty();
            }
            UidSet.Builder b = new UidSet.Builder();
            if (uid) {
                long star = view.uid(n - 1);
                for (int r = 0; r < set.rangeCount(); r++) {
                    b.addRange(set.low(r, star), set.high(r, star));
                }
            } else {
                for (int r = 0; r < set.rangeCount(); r++) {
                    long high = Math.min(set.high(r, n), n);
                    for (long msn = set.low(r, n); msn <= high; msn++) {
                        b.add(view.uid((int) msn - 1));
                    }
                }
            }
            return b.build();
        };
    }

    static SearchContext context(SelectedMailbox sel) {
        return SearchContext.of(sel.recent());
    }
}
