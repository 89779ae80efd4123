package org.poststelle.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random and mangled input never makes the header reader, the text scanner or the date parser throw. */
class ParserFuzzTest {

    @Property(tries = 500)
    void headerReaderReadsAnyBytes(@ForAll("messages") byte[] message) throws IOException {
        CachedHeaders h = HeaderReader.read(new ByteArrayInputStream(message));
        for (int field = 0; field < CachedHeaders.FIELD_COUNT; field++) {
            assertThat(h.string(field)).isNotNull();
        }
    }

    @Property(tries = 500)
    void textScannerReadsAnyBytes(@ForAll("messages") byte[] message) throws IOException {
        TextScanner.Spec spec = new TextScanner.Spec(List.of("Subject", "X-Other"),
                List.of(new Needle("a"), new Needle("")), List.of(new Needle("needle"), new Needle("\u00e9")),
                List.of(new Needle("content-type"), new Needle("zzz")));
        TextScanner s = new TextScanner(spec);
        s.scan(new ByteArrayInputStream(message));
        assertThat(s.textFound(1)).isFalse();
    }

    @Property(tries = 1000)
    void datesParseOrAreAbsent(@ForAll("dates") String value) {
        HeaderValues.SentDate d = HeaderValues.parseDate(value);
        if (d != null) {
            assertThat(d.day()).isNotNull();
        }
    }

    @Property(tries = 1000)
    void baseSubjectIsStable(@ForAll("subjects") String subject) {
        BaseSubject once = BaseSubject.of(subject);
        assertThat(BaseSubject.of(once.text()).text()).isEqualTo(once.text());
    }

    @Provide
    Arbitrary<byte[]> messages() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
        Arbitrary<byte[]> mangled = Arbitraries.of(Corpus.messages()).flatMap(m ->
                Arbitraries.integers().between(0, m.length - 1).list().ofMaxSize(8).flatMap(cuts ->
                        Arbitraries.bytes().list().ofSize(cuts.size()).map(values -> {
                            byte[] copy = m.clone();
                            for (int i = 0; i < cuts.size(); i++) {
                                copy[cuts.get(i)] = values.get(i);
                            }
                            return copy;
                        })));
        Arbitrary<byte[]> truncated = Arbitraries.of(Corpus.messages()).flatMap(m ->
                Arbitraries.integers().between(0, m.length).map(n -> java.util.Arrays.copyOf(m, n)));
        return Arbitraries.oneOf(random, mangled, truncated);
    }

    @Provide
    Arbitrary<String> dates() {
        Arbitrary<String> pieces = Arbitraries.of("Mon,", "1", "31", "Feb", "Jan", "2024", "24", "99", "23:59:60",
                "25:61", "+0000", "-9999", "+2400", "EST", "(CEST)", "GMT", "z", "", " ", ",", ":", "1999999999");
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(60),
                pieces.list().ofMaxSize(8).map(l -> String.join(" ", l)));
    }

    @Provide
    Arbitrary<String> subjects() {
        Arbitrary<String> pieces = Arbitraries.of("Re:", "re", "Fwd", "fw:", "[", "]", "[list]", "(fwd)", "(FWD)",
                " ", "\t", ":", "[fwd:", "x", "hello", "=?utf-8?q?Re=3A_x?=", "ä");
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                pieces.list().ofMaxSize(10).map(l -> String.join("", l)));
    }
}
