package org.poststelle.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.UidSet;

/**
 * The corpus in {@code corpus/} (test resources of this package) (charsets, encodings, MIME structures, odd headers) searched with the
 * queries in {@code QUERIES}, whose answers were recorded from the reference Dovecot 2.3 (server zone UTC).
 * Deliberate differences are listed in {@link #DIFFERENCES} with their reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DovecotFidelityTest {
    private static final DateTimeFormatter INTERNAL =
            DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", Locale.ENGLISH);

    /** Query -> our answer, where we differ from Dovecot on purpose. */
    static final Map<String, String> DIFFERENCES = Map.of(
            // a raw 8-bit header that is not UTF-8 is read as Windows-1252, so "Käse" written in Latin-1 is found;
            // Dovecot replaces the bytes and finds nothing
            "SUBJECT \"käse\"", "10");

    @TempDir
    static Path dir;
    SearchFixture f;

    @BeforeAll
    void appendCorpus() throws IOException {
        f = new SearchFixture(dir);
        for (String line : lines("INDEX")) {
            String[] p = line.split("\\|", -1);
            byte[] bytes;
            try (InputStream in = resource(p[0])) {
                bytes = in.readAllBytes();
            }
            Flags flags = p[1].isEmpty() ? Flags.NONE : Flags.parse(List.of(p[1].split(" ")));
            Instant date = ZonedDateTime.parse(p[2], INTERNAL).toInstant();
            f.append(bytes, flags, date);
        }
    }

    @AfterAll
    void close() {
        f.close();
    }

    Stream<String> queries() throws IOException {
        return lines("QUERIES").stream();
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

    private static InputStream resource(String name) {
        InputStream in = DovecotFidelityTest.class.getResourceAsStream("corpus/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }

    private static List<String> lines(String name) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
            String l;
            while ((l = r.readLine()) != null) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    out.add(l);
                }
            }
        }
        return out;
    }
}
