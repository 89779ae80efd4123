package org.poststelle.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.poststelle.store.model.UidSet;

/** Laws of the search algebra over the corpus, with random search programs; and no program makes it throw. */
class SearchPropertiesTest {
    private static Path dir;
    private static SearchFixture f;
    private static UidSet all;
    private static final SearchContext UTC = SearchContext.of(UidSet.of(3, 7, 11)).withZone(ZoneOffset.UTC);

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("search-properties");
        f = new SearchFixture(dir);
        Corpus.appendTo(f);
        all = f.inbox.snapshot().uidSet();
    }

    @AfterContainer
    static void close() throws IOException {
        f.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static UidSet search(SearchQuery q) {
        return f.search(q, UTC);
    }

    @Property(tries = 150)
    void notIsTheComplement(@ForAll("queries") SearchQuery q) {
        assertThat(search(SearchQuery.not(q))).isEqualTo(all.minus(search(q)));
    }

    @Property(tries = 150)
    void orIsCommutativeAndTheUnion(@ForAll("queries") SearchQuery a, @ForAll("queries") SearchQuery b) {
        UidSet ab = search(SearchQuery.or(a, b));
        assertThat(ab).isEqualTo(search(SearchQuery.or(b, a)));
        assertThat(ab).isEqualTo(search(a).union(search(b)));
    }

    @Property(tries = 150)
    void andIsTheIntersection(@ForAll("queries") SearchQuery a, @ForAll("queries") SearchQuery b) {
        assertThat(search(SearchQuery.and(a, b))).isEqualTo(search(a).intersect(search(b)));
    }

    @Property(tries = 100)
    void sortAndThreadReturnExactlyTheMatches(@ForAll("queries") SearchQuery q) {
        UidSet matches = search(q);
        long[] sorted = f.engine.sort(f.inbox, f.inbox.snapshot(),
                List.of(SortCriterion.of(SortKey.SUBJECT), SortCriterion.reversed(SortKey.DATE)), q, UTC);
        assertThat(UidSet.of(sorted)).isEqualTo(matches);
        assertThat(sorted).hasSize((int) matches.size());
        for (ThreadAlgorithm algorithm : ThreadAlgorithm.values()) {
            List<ThreadNode> threads = f.engine.thread(f.inbox, f.inbox.snapshot(), algorithm, q, UTC);
            UidSet.Builder seen = new UidSet.Builder();
            long[] count = {0};
            threads.forEach(t -> collect(t, seen, count));
            assertThat(seen.build()).isEqualTo(matches);
            assertThat(count[0]).isEqualTo(matches.size());
        }
    }

    private static void collect(ThreadNode n, UidSet.Builder out, long[] count) {
        if (!n.isDummy()) {
            out.add(n.uid());
            count[0]++;
        }
        n.children().forEach(c -> collect(c, out, count));
    }

    @Provide
    Arbitrary<SearchQuery> queries() {
        return Arbitraries.recursive(SearchPropertiesTest::leaves, SearchPropertiesTest::composites, 0, 3);
    }

    private static Arbitrary<SearchQuery> composites(Arbitrary<SearchQuery> inner) {
        return Arbitraries.oneOf(
                inner.map(SearchQuery::not),
                inner.list().ofMinSize(0).ofMaxSize(3).map(SearchQuery::and),
                inner.list().ofSize(2).map(l -> SearchQuery.or(l.get(0), l.get(1))));
    }

    private static Arbitrary<SearchQuery> leaves() {
        Arbitrary<String> words = Arbitraries.of("", "a", "e", "needle", "quarterly", "köln", "cafe", "café",
                "example", "@", "re:", "subject", "ё", "テキスト", "€", "\"doe", "x".repeat(40));
        Arbitrary<LocalDate> days = Arbitraries.integers().between(0, 20).map(d -> LocalDate.of(2023, 12, 28).plusDays(d));
        Arbitrary<UidSet> uids = Arbitraries.integers().between(1, 16).list().ofMaxSize(4)
                .map(l -> UidSet.of(l.stream().mapToLong(Integer::longValue).toArray()));
        return Arbitraries.oneOf(List.of(
                Arbitraries.of(SearchQuery.all(), SearchQuery.seen(), SearchQuery.unseen(), SearchQuery.flagged(),
                        SearchQuery.answered(), SearchQuery.deleted(), SearchQuery.draft(), SearchQuery.recent(),
                        SearchQuery.newMessages(), SearchQuery.old(), SearchQuery.keyword("$work"),
                        SearchQuery.saveDateSupported(), SearchQuery.threadId("x"), SearchQuery.modSeq(3)),
                uids.map(SearchQuery::uid),
                Arbitraries.longs().between(0, 20_000).map(SearchQuery::larger),
                Arbitraries.longs().between(0, 20_000).map(SearchQuery::smaller),
                days.map(SearchQuery::before), days.map(SearchQuery::on), days.map(SearchQuery::since),
                days.map(SearchQuery::sentBefore), days.map(SearchQuery::sentOn), days.map(SearchQuery::sentSince),
                words.map(SearchQuery::from), words.map(SearchQuery::to), words.map(SearchQuery::cc),
                words.map(SearchQuery::bcc), words.map(SearchQuery::subject), words.map(SearchQuery::body),
                words.map(SearchQuery::text), words.map(w -> SearchQuery.header("X-Mailer", w)),
                words.map(w -> SearchQuery.header("Content-Type", w))));
    }
}
