package org.poststelle.store.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.store.model.UidSet;

/** CHARSET handling, the full-text index hook, the header cache's bound and the query model. */
class SearchApiTest {
    @TempDir
    Path dir;

    @Test
    void onlyUtf8AndUsAsciiAreAccepted() {
        SearchCharsets.check(null);
        SearchCharsets.check("utf-8");
        SearchCharsets.check("US-ASCII");
        assertThatThrownBy(() -> SearchCharsets.check("ISO-8859-1"))
                .isInstanceOfSatisfying(BadCharsetException.class, e -> {
                    assertThat(e.charset()).isEqualTo("ISO-8859-1");
                    assertThat(e.supported()).containsExactly("UTF-8", "US-ASCII");
                });
        assertThatThrownBy(() -> SearchCharsets.decode("KOI8-R", new byte[] {1})).isInstanceOf(BadCharsetException.class);
        assertThat(SearchCharsets.decode("UTF-8", "Käse".getBytes(StandardCharsets.UTF_8))).isEqualTo("Käse");
        assertThat(SearchCharsets.decode("US-ASCII", new byte[] {'a', (byte) 0xff})).isEqualTo("a\uFFFD");
    }

    @Test
    void aFullTextIndexAnswersWhatItCoversAndTheRestIsRead() {
        List<SearchQuery.TextKey> asked = new ArrayList<>();
        // an index that has seen messages 1 and 2 and claims "needle" only in 2 (whatever the text says)
        FullTextIndex index = (mailbox, snapshot, key) -> {
            asked.add(key);
            return key instanceof SearchQuery.Body ? new FullTextIndex.Answer(UidSet.range(1, 2), UidSet.of(2)) : null;
        };
        try (SearchFixture f = new SearchFixture(dir, index)) {
            long a = f.append("Subject: s", "needle");
            long b = f.append("Subject: s", "hay");
            long c = f.append("Subject: s", "needle");
            long d = f.append("Subject: needle", "hay");
            assertThat(f.search(SearchQuery.body("needle"))).isEqualTo(UidSet.of(b, c));
            assertThat(f.inbox.contentUids).containsExactly(c, d); // only the uncovered ones are read
            assertThat(f.search(SearchQuery.not(SearchQuery.body("needle")))).isEqualTo(UidSet.of(a, d));
            assertThat(f.search(SearchQuery.subject("needle"))).isEqualTo(UidSet.of(d));
            assertThat(asked).hasSize(3);
            assertThat(asked.get(2)).isEqualTo(SearchQuery.subject("needle"));
        }
    }

    @Test
    void theHeaderCacheDropsTheLeastRecentlyUsedMailboxWhenFull() {
        try (SearchFixture f = new SearchFixture(dir)) {
            f.append("From: one@x", "b");
            f.append("From: two@x", "b");
            var snapshot = f.inbox.snapshot();
            f.search(SearchQuery.from("one"));
            long one = f.cache.memoryUsed();
            long bound = one * 3 / 2; // room for one mailbox's entries, not two
            HeaderCache small = new HeaderCache(bound);
            SearchEngine engine = new SearchEngine(small);
            engine.search(f.inbox, snapshot, SearchQuery.from("one"), SearchContext.defaults());
            assertThat(small.memoryUsed()).isEqualTo(one);
            // another mailbox (same messages under another id) pushes the first one out
            var other = new org.poststelle.store.model.MailboxSnapshot("other-id", snapshot.uidValidity(),
                    snapshot.uidNext(), snapshot.highestModSeq(), new int[] {1, 2},
                    new org.poststelle.store.model.Flags[] {snapshot.flags(0), snapshot.flags(1)},
                    new long[] {snapshot.modSeq(0), snapshot.modSeq(1)});
            engine.search(f.inbox, other, SearchQuery.from("two"), SearchContext.defaults());
            assertThat(small.mailboxCount()).isEqualTo(1);
            assertThat(small.memoryUsed()).isEqualTo(one);
            // a mailbox larger than the bound is still searched correctly, just not kept
            HeaderCache tiny = new HeaderCache(10);
            assertThat(new SearchEngine(tiny).search(f.inbox, snapshot, SearchQuery.from("two"),
                    SearchContext.defaults()).uids()).isEqualTo(UidSet.of(2));
            assertThat(tiny.memoryUsed()).isZero();
        }
    }

    @Test
    void aHeaderCacheBoundOfZeroKeepsNothing() {
        try (SearchFixture f = new SearchFixture(dir)) {
            f.append("From: one@x", "b");
            long two = f.append("From: two@x", "b");
            var snapshot = f.inbox.snapshot();
            HeaderCache off = new HeaderCache(0);
            SearchEngine engine = new SearchEngine(off);
            for (int i = 0; i < 2; i++) {
                assertThat(engine.search(f.inbox, snapshot, SearchQuery.from("two"), SearchContext.defaults())
                        .uids()).isEqualTo(UidSet.of(two));
                assertThat(engine.search(f.inbox, snapshot, SearchQuery.larger(0), SearchContext.defaults())
                        .uids()).hasSize(2);
            }
            assertThat(off.memoryUsed()).isZero();
            assertThat(off.mailboxCount()).isZero();
        }
    }

    @Test
    void expungedEntriesLeaveTheCache() {
        try (SearchFixture f = new SearchFixture(dir)) {
            long a = f.append("From: one@x", "b");
            f.append("From: two@x", "b");
            f.search(SearchQuery.from("x"));
            long full = f.cache.memoryUsed();
            f.inbox.expunge(UidSet.of(a));
            long c = f.append("From: three@x", "b");
            assertThat(f.search(SearchQuery.from("x"))).hasSize(2).contains(c);
            assertThat(f.cache.memoryUsed()).isLessThan(full + full / 2 + 10);
        }
    }

    @Test
    void queryModelValidatesAndFlattens() {
        assertThat(SearchQuery.and(SearchQuery.seen())).isEqualTo(SearchQuery.seen());
        assertThat(SearchQuery.and(SearchQuery.and(SearchQuery.seen(), SearchQuery.draft()), SearchQuery.flagged()))
                .isEqualTo(new SearchQuery.And(List.of(SearchQuery.seen(), SearchQuery.draft(), SearchQuery.flagged())));
        assertThatThrownBy(() -> SearchQuery.larger(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchQuery.older(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SearchQuery.ModSeq(5, "/flags/\\seen", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchQuery.from(null)).isInstanceOf(NullPointerException.class);
        assertThat(SearchQuery.newMessages().anyMatch(q -> q instanceof SearchQuery.Recent)).isTrue();
    }
}
