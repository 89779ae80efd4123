package org.poststelle.imap.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poststelle.imap.protocol.ParserTestSupport.args;
import static org.poststelle.store.search.SearchQuery.and;
import static org.poststelle.store.search.SearchQuery.not;
import static org.poststelle.store.search.SearchQuery.or;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.store.model.UidSet;
import org.poststelle.store.search.SearchQuery;
import org.poststelle.store.search.SearchQuery.EntryType;

/** Search keys in, {@link SearchQuery} out: one table per key family, and bad input answered BAD. */
class SearchKeyParserTest {
    /** Saved result of the test resolver ({@code $}). */
    static final UidSet SAVED = UidSet.of(7, 9);

    /**
     * A stand-in for the session's view: 10 messages whose UIDs are 10 times their sequence numbers, so a test
     * sees which kind of set was resolved.
     */
    static final SearchCriteria.SetResolver VIEW = (set, uid) -> {
        if (set.isSaved()) {
            return SAVED;
        }
        UidSet.Builder b = new UidSet.Builder();
        for (int r = 0; r < set.rangeCount(); r++) {
            if (uid) {
                b.addRange(set.low(r, 100), set.high(r, 100));
            } else {
                for (long msn = set.low(r, 10); msn <= Math.min(10, set.high(r, 10)); msn++) {
                    b.add(msn * 10);
                }
            }
        }
        return b.build();
    };

    static SearchQuery parse(String keys) throws BadCommandException {
        return SearchKeyParser.parse(args("t SEARCH " + keys)).resolve(VIEW);
    }

    private static final LocalDate FEB_1 = LocalDate.of(1994, 2, 1);

    static Stream<Arguments> flags() {
        return Stream.of(
                Arguments.of("ALL", SearchQuery.all()),
                Arguments.of("ANSWERED", SearchQuery.answered()),
                Arguments.of("deleted", SearchQuery.deleted()),
                Arguments.of("Draft", SearchQuery.draft()),
                Arguments.of("FLAGGED", SearchQuery.flagged()),
                Arguments.of("SEEN", SearchQuery.seen()),
                Arguments.of("UNANSWERED", SearchQuery.unanswered()),
                Arguments.of("UNDELETED", SearchQuery.undeleted()),
                Arguments.of("UNDRAFT", SearchQuery.undraft()),
                Arguments.of("UNFLAGGED", SearchQuery.unflagged()),
                Arguments.of("UNSEEN", SearchQuery.unseen()),
                Arguments.of("RECENT", SearchQuery.recent()),
                Arguments.of("NEW", SearchQuery.newMessages()),
                Arguments.of("OLD", SearchQuery.old()),
                Arguments.of("KEYWORD $Work", SearchQuery.keyword("$Work")),
                Arguments.of("UNKEYWORD Junk", SearchQuery.unkeyword("Junk")),
                Arguments.of("KEYWORD \\Seen", SearchQuery.seen()),
                Arguments.of("UNKEYWORD \\flagged", not(SearchQuery.flagged())));
    }

    static Stream<Arguments> strings() {
        return Stream.of(
                Arguments.of("FROM alice", SearchQuery.from("alice")),
                Arguments.of("TO \"Bob Smith\"", SearchQuery.to("Bob Smith")),
                Arguments.of("CC {5+}\r\ncarol", SearchQuery.cc("carol")),
                Arguments.of("BCC \"\"", SearchQuery.bcc("")),
                Arguments.of("SUBJECT {7+}\r\nGrüße", SearchQuery.subject("Grüße")),
                Arguments.of("SUBJECT \"say \\\"hi\\\"\"", SearchQuery.subject("say \"hi\"")),
                Arguments.of("BODY attachment", SearchQuery.body("attachment")),
                Arguments.of("TEXT \"two words\"", SearchQuery.text("two words")),
                Arguments.of("HEADER X-Priority 1", SearchQuery.header("X-Priority", "1")),
                Arguments.of("HEADER \"Message-ID\" \"\"", SearchQuery.header("Message-ID", "")));
    }

    static Stream<Arguments> datesAndSizes() {
        return Stream.of(
                Arguments.of("BEFORE 1-Feb-1994", SearchQuery.before(FEB_1)),
                Arguments.of("ON 01-feb-1994", SearchQuery.on(FEB_1)),
                Arguments.of("SINCE \"1-FEB-1994\"", SearchQuery.since(FEB_1)),
                Arguments.of("SENTBEFORE 1-Feb-1994", SearchQuery.sentBefore(FEB_1)),
                Arguments.of("SENTON 1-Feb-1994", SearchQuery.sentOn(FEB_1)),
                Arguments.of("SENTSINCE 1-Feb-1994", SearchQuery.sentSince(FEB_1)),
                Arguments.of("SAVEDBEFORE 1-Feb-1994", SearchQuery.savedBefore(FEB_1)),
                Arguments.of("SAVEDON 1-Feb-1994", SearchQuery.savedOn(FEB_1)),
                Arguments.of("SAVEDSINCE 1-Feb-1994", SearchQuery.savedSince(FEB_1)),
                Arguments.of("SAVEDATESUPPORTED", SearchQuery.saveDateSupported()),
                Arguments.of("LARGER 1024", SearchQuery.larger(1024)),
                Arguments.of("SMALLER 0", SearchQuery.smaller(0)),
                Arguments.of("LARGER 9223372036854775807", SearchQuery.larger(Long.MAX_VALUE)),
                Arguments.of("OLDER 3600", SearchQuery.older(3600)),
                Arguments.of("YOUNGER 1", SearchQuery.younger(1)));
    }

    static Stream<Arguments> extensions() {
        return Stream.of(
                Arguments.of("MODSEQ 620162338", SearchQuery.modSeq(620162338)),
                Arguments.of("MODSEQ \"/flags/\\\\draft\" all 620162338",
                        SearchQuery.modSeq("/flags/\\draft", EntryType.ALL, 620162338)),
                Arguments.of("MODSEQ \"/flags/$Work\" PRIV 0", SearchQuery.modSeq("/flags/$Work", EntryType.PRIV, 0)),
                Arguments.of("MODSEQ \"/flags/x\" shared 1", SearchQuery.modSeq("/flags/x", EntryType.SHARED, 1)),
                Arguments.of("EMAILID M6d99ac3275bb4e", SearchQuery.emailId("M6d99ac3275bb4e")),
                Arguments.of("THREADID T64b478a7-5b_7ea9", SearchQuery.threadId("T64b478a7-5b_7ea9")));
    }

    static Stream<Arguments> sets() {
        return Stream.of(
                Arguments.of("1", SearchQuery.uid(UidSet.of(10))),
                Arguments.of("2:3,5", SearchQuery.uid(UidSet.of(20, 30, 50))),
                Arguments.of("9:*", SearchQuery.uid(UidSet.of(90, 100))),
                Arguments.of("*", SearchQuery.uid(UidSet.of(100))),
                Arguments.of("3:2", SearchQuery.uid(UidSet.of(20, 30))),
                Arguments.of("UID 5:7", SearchQuery.uid(UidSet.range(5, 7))),
                Arguments.of("UID 99:*", SearchQuery.uid(UidSet.range(99, 100))),
                Arguments.of("$", SearchQuery.uid(SAVED)),
                Arguments.of("UID $", SearchQuery.uid(SAVED)));
    }

    static Stream<Arguments> structure() {
        SearchQuery seen = SearchQuery.seen();
        SearchQuery flagged = SearchQuery.flagged();
        SearchQuery draft = SearchQuery.draft();
        return Stream.of(
                Arguments.of("SEEN FLAGGED", and(seen, flagged)),
                Arguments.of("(SEEN FLAGGED)", and(seen, flagged)),
                Arguments.of("(SEEN)", seen),
                Arguments.of("(SEEN FLAGGED) DRAFT", and(seen, flagged, draft)),
                Arguments.of("NOT SEEN", not(seen)),
                Arguments.of("NOT NOT SEEN", not(not(seen))),
                Arguments.of("OR SEEN FLAGGED", or(seen, flagged)),
                Arguments.of("OR (SEEN DRAFT) NOT FLAGGED", or(and(seen, draft), not(flagged))),
                Arguments.of("OR OR SEEN FLAGGED DRAFT", or(or(seen, flagged), draft)),
                Arguments.of("NOT (OR SEEN (FLAGGED ((DRAFT))))", not(or(seen, and(flagged, draft)))),
                Arguments.of("1:2 UID 3 FROM x", and(SearchQuery.uid(UidSet.of(10, 20)), SearchQuery.uid(UidSet.of(3)),
                        SearchQuery.from("x"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"flags", "strings", "datesAndSizes", "extensions", "sets", "structure"})
    void parses(String keys, SearchQuery expected) throws BadCommandException {
        assertThat(parse(keys)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"FOO", "()", "NOT", "OR SEEN", "\"SEEN\"", "{4+}\r\nSEEN",
        "SUBJECT", "HEADER", "HEADER X", "HEADER \"\" x", "HEADER \"A:B\" x",
        "KEYWORD", "KEYWORD \\Foo", "KEYWORD (x)", "KEYWORD \"x\"",
        "BEFORE", "BEFORE 1994-02-01", "BEFORE 32-Jan-1994", "ON 1-Foo-1994", "SINCE 1-Feb-94x",
        "LARGER", "LARGER -1", "LARGER x", "LARGER 99999999999999999999", "SMALLER 1.5",
        "OLDER 0", "YOUNGER -5", "YOUNGER 4294967296", "OLDER x",
        "UID", "UID x", "UID 1:x", "0", "1:0", "4294967296", "1,,2", "$:1",
        "MODSEQ", "MODSEQ x", "MODSEQ \"/flags/x\" bad 1", "MODSEQ \"/other\" all 1", "MODSEQ \"/flags/\" all 1",
        "MODSEQ \"/flags/x\" all",
        "EMAILID", "EMAILID a.b", "THREADID \"\"", "SEEN FOO"})
    void rejects(String keys) {
        assertThatThrownBy(() -> parse(keys)).isInstanceOf(BadCommandException.class)
                .hasMessageNotContaining("Exception");
    }

    @Test
    void missingKeysAreRejected() {
        assertThatThrownBy(() -> Search.parse(args("t SEARCH"))).isInstanceOf(BadCommandException.class)
                .hasMessage("Missing search key");
        assertThatThrownBy(() -> Search.parse(args("t SEARCH CHARSET UTF-8"))).isInstanceOf(BadCommandException.class);
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() throws BadCommandException {
        String nots = "NOT ".repeat(5000) + "SEEN";
        assertThatThrownBy(() -> parse(nots)).isInstanceOf(BadCommandException.class)
                .hasMessageContaining("nested too deeply");
        String ors = "OR SEEN ".repeat(5000) + "SEEN";
        assertThatThrownBy(() -> parse(ors)).isInstanceOf(BadCommandException.class);
        assertThat(parse("NOT ".repeat(SearchKeyParser.MAX_DEPTH) + "SEEN")).isNotNull();
    }

    @Test
    void unknownKeyIsNamedInTheAnswer() {
        assertThatThrownBy(() -> parse("SEEN FROBNICATE")).hasMessage("Unknown search key FROBNICATE");
    }
}
