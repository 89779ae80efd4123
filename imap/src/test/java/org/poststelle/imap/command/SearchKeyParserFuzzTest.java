package org.poststelle.imap.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.poststelle.imap.ImapConfig;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.protocol.FlowControl;
import org.poststelle.imap.protocol.ImapFrameDecoder;
import org.poststelle.imap.protocol.ImapRequest;
import org.poststelle.store.search.SearchQuery;

/**
 * Random search programs, built from the grammar's own words and from noise, are accepted or refused with
 * {@link BadCommandException}: nothing else escapes the SEARCH, SORT and THREAD parsers or the resolution of
 * their sequence sets, and deep nesting ends in a refusal rather than a stack overflow.
 */
class SearchKeyParserFuzzTest {
    private static final List<String> WORDS = List.of(
            "ALL", "ANSWERED", "BCC", "BEFORE", "BODY", "CC", "DELETED", "DRAFT", "FLAGGED", "FROM", "HEADER",
            "KEYWORD", "LARGER", "NEW", "NOT", "OLD", "ON", "OR", "RECENT", "SEEN", "SENTBEFORE", "SENTON",
            "SENTSINCE", "SINCE", "SMALLER", "SUBJECT", "TEXT", "TO", "UID", "UNANSWERED", "UNDELETED", "UNDRAFT",
            "UNFLAGGED", "UNKEYWORD", "UNSEEN", "OLDER", "YOUNGER", "MODSEQ", "SAVEDBEFORE", "SAVEDON",
            "SAVEDSINCE", "SAVEDATESUPPORTED", "EMAILID", "THREADID", "CHARSET", "RETURN", "UTF-8", "US-ASCII",
            "MIN", "MAX", "COUNT", "SAVE", "(", ")", "()", "*", "$", "1", "0", "2:4", "1:*", "5,7:9", "4294967296",
            "-1", "99999999999999999999", "1-Feb-1994", "\"1-Feb-1994\"", "31-Feb-1994", "x", "\"\"", "\"a b\"",
            "\"/flags/\\\\seen\"", "all", "priv", "shared", "$Work", "\\Seen", "\\Bogus", "{3+}\r\nabc",
            "{0+}\r\n", "Subject", "X-Priority", "T1", "M-2_3", "REVERSE", "DATE", "ARRIVAL", "DISPLAYFROM",
            "REFERENCES", "ORDEREDSUBJECT");

    @Provide
    Arbitrary<String> programs() {
        return Arbitraries.of(WORDS).list().ofMaxSize(40).map(l -> String.join(" ", l));
    }

    @Provide
    Arbitrary<String> noisy() {
        return Arbitraries.strings().withChars("SEARCHNOTOR()\"\\*$:,0123456789 -{}+").ofMaxLength(120);
    }

    @Property(tries = 600)
    void grammarWordsNeverBreakTheParsers(@ForAll("programs") String program) {
        parseEverywhere(program);
    }

    @Property(tries = 500)
    void noiseNeverBreaksTheParsers(@ForAll("noisy") String program) {
        parseEverywhere(program);
    }

    @Property(tries = 50)
    void deepNestingIsRefused(@ForAll("depths") int depth, @ForAll("nesters") String nester) {
        String program = nester.repeat(depth) + "SEEN" + (nester.equals("(") ? ")".repeat(depth) : "");
        parseEverywhere(program);
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.integers().between(50, 3000);
    }

    @Provide
    Arbitrary<String> nesters() {
        return Arbitraries.of("NOT ", "OR SEEN ", "(");
    }

    private static void parseEverywhere(String program) {
        for (String line : List.of("t SEARCH " + program, "t UID SEARCH RETURN (ALL SAVE) " + program,
                "t SORT (DATE) UTF-8 " + program, "t THREAD REFERENCES UTF-8 " + program, "t SORT " + program)) {
            Args args = frame(line);
            if (args == null) {
                continue; // the decoder already refused it (unbalanced parentheses, line too long)
            }
            try {
                SearchCriteria criteria = switch (line.split(" ")[1]) {
                    case "SEARCH" -> Search.parse(args).criteria();
                    case "UID" -> Search.parseUid(args).criteria();
                    case "SORT" -> Sort.parse(args).search();
                    default -> ThreadCommand.parse(args).search();
                };
                SearchQuery q = criteria.resolve(SearchKeyParserTest.VIEW);
                assertThat(q).isNotNull();
                q.mentionsModSeq();
            } catch (BadCommandException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    private static Args frame(String line) {
        ImapFrameDecoder d = new ImapFrameDecoder(ImapConfig.defaults(), new FlowControl());
        d.loggedIn();
        EmbeddedChannel ch = new EmbeddedChannel(d);
        try {
            ch.writeInbound(Unpooled.copiedBuffer(line + "\r\n", StandardCharsets.UTF_8));
            Object o = ch.readInbound();
            return o instanceof ImapRequest r ? new Args(r.args(), false) : null;
        } finally {
            ch.finishAndReleaseAll();
        }
    }
}
