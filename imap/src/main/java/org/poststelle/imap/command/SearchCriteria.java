package org.poststelle.imap.command;

import org.poststelle.imap.protocol.SequenceSet;
import org.poststelle.store.model.UidSet;
import org.poststelle.store.search.SearchQuery;

/**
 * A parsed search program (SEARCH, SORT, THREAD) whose sequence sets are still as the client wrote them: they
 * mean something only against the session's view when the command runs, so the handler resolves them then.
 */
@FunctionalInterface
public interface SearchCriteria {

    /** The program as the store's query model, with every sequence set mapped to UIDs by {@code sets}. */
    SearchQuery resolve(SetResolver sets);

    /** Maps a sequence set of the program to UIDs. */
    @FunctionalInterface
    interface SetResolver {
        /**
         * @param set a sequence set, possibly {@code $} (SEARCHRES)
         * @param uid whether it holds UIDs (the UID key) rather than message sequence numbers
         */
        UidSet uids(SequenceSet set, boolean uid);
    }

    /** A program without sequence sets. */
    static SearchCriteria of(SearchQuery query) {
        return sets -> query;
    }
}
