package org.poststelle.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poststelle.store.model.UidSet;

/**
 * The test corpus ({@link Corpus}: charsets, encodings, MIME structures, odd headers) searched with the queries
 * in {@code corpus/QUERIES}, whose answers were recorded from the reference Dovecot 2.3 (server zone UTC) by
 * {@code corpus/record-dovecot.py}. Deliberate differences are listed in {@link #DIFFERENCES} with their reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DovecotFidelityTest {
    /** Query -> our answer, where we differ from Dovecot on purpose. */
    static final Map<String, String> DIFFERENCES = Map.of(
            // a raw 8-bit header that is not UTF-8 is read as Windows-1252, so "Käse" written in Latin-1 is found;
            // Dovecot replaces the bytes and finds nothing
            "SUBJECT \"käse\"", "10");

    @TempDir
    static Path dir;
    SearchFixture f;

    @BeforeAll
    void appendCorpus() {
        f = new SearchFixture(dir);
        Corpus.appendTo(f);
    }

    @AfterAll
    void close() {
        f.close();
    }

    Stream<String> queries() {
        return Corpus.lines("QUERIES").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void answersAsTheReferenceDovecot(String line) {
        int bar = line.lastIndexOf(" | ");
        String criteria = line.substring(0, bar);
        String expected = DIFFERENCES.getOrDefault(criteria, line.substring(bar + 3).trim());
        UidSet want = expected.isEmpty() ? UidSet.empty()
                : UidSet.of(Stream.of(expected.split(" ")).mapToLong(Long::parseLong).toArray());
        SearchContext utc = SearchContext.defaults().withZone(ZoneOffset.UTC);
        assertThat(f.search(ImapCriteria.parse(criteria), utc)).as(criteria).isEqualTo(want);
    }
}
