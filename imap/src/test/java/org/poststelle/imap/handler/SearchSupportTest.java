package org.poststelle.imap.handler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.poststelle.imap.command.SearchCriteria;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.protocol.SequenceSet;
import org.poststelle.imap.session.Result;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.UidSet;

/** Sequence sets in a search, resolved against a view: lenient where FETCH is strict, as in Dovecot. */
class SearchSupportTest {
    /** Four messages with UIDs 3, 5, 6, 9. */
    private static final MailboxSnapshot VIEW = new MailboxSnapshot("id", 1, 10, 4, new int[] {3, 5, 6, 9},
            new Flags[] {Flags.NONE, Flags.NONE, Flags.NONE, Flags.NONE}, new long[] {1, 2, 3, 4});
    private static final UidSet SAVED = UidSet.of(5, 42);
    private static final SearchCriteria.SetResolver SETS = SearchSupport.resolver(VIEW, SAVED);

    private static UidSet msn(String set) throws BadCommandException {
        return SETS.uids(SequenceSet.parse(set), false);
    }

    private static UidSet uid(String set) throws BadCommandException {
        return SETS.uids(SequenceSet.parse(set), true);
    }

    @Test
    void sequenceNumbersMapToTheirUids() throws BadCommandException {
        assertThat(msn("1")).isEqualTo(UidSet.of(3));
        assertThat(msn("2:3")).isEqualTo(UidSet.of(5, 6));
        assertThat(msn("3:2,4")).isEqualTo(UidSet.of(5, 6, 9));
        assertThat(msn("*")).isEqualTo(UidSet.of(9));
        assertThat(msn("1:*")).isEqualTo(UidSet.of(3, 5, 6, 9));
    }

    @Test
    void sequenceNumbersBeyondTheMailboxMatchNothing() throws BadCommandException {
        assertThat(msn("5")).isEqualTo(UidSet.empty());
        assertThat(msn("3:10")).isEqualTo(UidSet.of(6, 9));
        assertThat(msn("7:*")).isEqualTo(UidSet.of(9)); // "*" is 4, so 7:* is 4:7
    }

    @Test
    void uidSetsAreTakenAsWrittenWithStarTheHighestUid() throws BadCommandException {
        assertThat(uid("4:6")).isEqualTo(UidSet.range(4, 6));
        assertThat(uid("20:*")).isEqualTo(UidSet.range(9, 20));
        assertThat(uid("*")).isEqualTo(UidSet.of(9));
    }

    @Test
    void dollarIsTheSavedResult() throws BadCommandException {
        assertThat(msn("$")).isEqualTo(SAVED);
        assertThat(uid("$")).isEqualTo(SAVED);
    }

    @Test
    void anEmptyMailboxMatchesNothing() throws BadCommandException {
        SearchCriteria.SetResolver empty = SearchSupport.resolver(MailboxSnapshot.empty("id", 1, 1, 1), UidSet.empty());
        assertThat(empty.uids(SequenceSet.parse("1:*"), false)).isEqualTo(UidSet.empty());
        assertThat(empty.uids(SequenceSet.parse("*"), true)).isEqualTo(UidSet.empty());
    }

    @Test
    void onlyUtf8AndUsAsciiAreSearchCharsets() {
        assertThat(SearchSupport.refusedCharset(null)).isNull();
        assertThat(SearchSupport.refusedCharset("utf-8")).isNull();
        assertThat(SearchSupport.refusedCharset("US-ASCII")).isNull();
        Result refused = SearchSupport.refusedCharset("ISO-8859-1");
        assertThat(refused.code()).isEqualTo("BADCHARSET (UTF-8 US-ASCII)");
    }

    @Test
    void esortAllKeepsSortOrder() {
        assertThat(SortHandler.inOrder(new long[] {7, 8, 9, 4, 5, 6, 1, 2, 3})).isEqualTo("7:9,4:6,1:3");
        assertThat(SortHandler.inOrder(new long[] {2, 1, 3, 4, 5, 6})).isEqualTo("2,1,3:6");
        assertThat(SortHandler.inOrder(new long[0])).isEmpty();
    }
}
