package org.poststelle.imap.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poststelle.imap.protocol.ParserTestSupport.args;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.poststelle.imap.command.Search.ResultOption;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.store.search.SearchQuery;
import org.poststelle.store.search.SortCriterion;
import org.poststelle.store.search.SortKey;
import org.poststelle.store.search.ThreadAlgorithm;

/** SEARCH, SORT and THREAD command lines: RETURN options, CHARSET, sort criteria and algorithms. */
class SearchCommandParseTest {

    @Test
    void plainSearch() throws Exception {
        Search s = Search.parse(args("t SEARCH UNSEEN"));
        assertThat(s.uid()).isFalse();
        assertThat(s.extended()).isFalse();
        assertThat(s.charset()).isNull();
        assertThat(s.criteria().resolve(SearchKeyParserTest.VIEW)).isEqualTo(SearchQuery.unseen());
    }

    @Test
    void returnOptionsAndCharset() throws Exception {
        Search s = Search.parseUid(args("t UID SEARCH RETURN (MIN count SAVE) CHARSET UTF-8 SUBJECT {7+}\r\nGrüße"));
        assertThat(s.uid()).isTrue();
        assertThat(s.resultOptions()).containsExactlyInAnyOrder(ResultOption.MIN, ResultOption.COUNT,
                ResultOption.SAVE);
        assertThat(s.charset()).isEqualTo("UTF-8");
        assertThat(s.criteria().resolve(SearchKeyParserTest.VIEW)).isEqualTo(SearchQuery.subject("Grüße"));
    }

    @Test
    void emptyReturnMeansAll() throws Exception {
        assertThat(Search.parse(args("t SEARCH RETURN () ALL")).resultOptions()).containsExactly(ResultOption.ALL);
    }

    @Test
    void charsetIsKeptForTheHandlerToCheck() throws Exception {
        assertThat(Search.parse(args("t SEARCH CHARSET \"ISO-8859-1\" ALL")).charset()).isEqualTo("ISO-8859-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"t SEARCH RETURN (FOO) ALL", "t SEARCH RETURN MIN ALL", "t SEARCH RETURN (MIN)",
        "t SEARCH CHARSET UTF-8", "t SEARCH ALL CHARSET UTF-8", "t SEARCH RETURN ((MIN)) ALL"})
    void badSearchLines(String line) {
        assertThatThrownBy(() -> Search.parse(args(line))).isInstanceOf(BadCommandException.class);
    }

    @Test
    void sortCriteria() throws Exception {
        Sort s = Sort.parse(args("t SORT (REVERSE DATE subject displayfrom REVERSE SIZE) UTF-8 ALL"));
        assertThat(s.criteria()).containsExactly(SortCriterion.reversed(SortKey.DATE), SortCriterion.of(SortKey.SUBJECT),
                SortCriterion.of(SortKey.DISPLAYFROM), SortCriterion.reversed(SortKey.SIZE));
        assertThat(s.charset()).isEqualTo("UTF-8");
        assertThat(s.extended()).isFalse();
        assertThat(s.search().resolve(SearchKeyParserTest.VIEW)).isEqualTo(SearchQuery.all());
    }

    @Test
    void esort() throws Exception {
        Sort s = Sort.parseUid(args("t UID SORT RETURN (MIN MAX) (ARRIVAL) US-ASCII FROM x"));
        assertThat(s.uid()).isTrue();
        assertThat(s.resultOptions()).containsExactlyInAnyOrder(ResultOption.MIN, ResultOption.MAX);
        assertThat(s.criteria()).isEqualTo(List.of(SortCriterion.of(SortKey.ARRIVAL)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"t SORT () UTF-8 ALL", "t SORT (DATE) UTF-8", "t SORT (DATE)", "t SORT (REVERSE) UTF-8 ALL",
        "t SORT (REVERSE REVERSE DATE) UTF-8 ALL", "t SORT (SPAM) UTF-8 ALL", "t SORT DATE UTF-8 ALL",
        "t SORT RETURN (X) (DATE) UTF-8 ALL", "t SORT (DATE) (UTF-8) ALL"})
    void badSortLines(String line) {
        assertThatThrownBy(() -> Sort.parse(args(line))).isInstanceOf(BadCommandException.class);
    }

    @Test
    void threadAlgorithms() throws Exception {
        ThreadCommand t = ThreadCommand.parse(args("t THREAD references UTF-8 SINCE 1-Feb-1994"));
        assertThat(t.algorithm()).isEqualTo(ThreadAlgorithm.REFERENCES);
        assertThat(t.charset()).isEqualTo("UTF-8");
        assertThat(ThreadCommand.parseUid(args("t UID THREAD ORDEREDSUBJECT US-ASCII ALL")).algorithm())
                .isEqualTo(ThreadAlgorithm.ORDEREDSUBJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"t THREAD REFS UTF-8 ALL", "t THREAD REFERENCES UTF-8", "t THREAD", "t THREAD (REFERENCES) UTF-8 ALL"})
    void badThreadLines(String line) {
        assertThatThrownBy(() -> ThreadCommand.parse(args(line))).isInstanceOf(BadCommandException.class);
    }
}
