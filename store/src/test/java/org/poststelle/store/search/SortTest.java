package org.poststelle.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.store.model.Flags;

/** SORT (RFC 5256) with DISPLAYFROM/DISPLAYTO (RFC 5957); the expected orders are the reference Dovecot 2.3's. */
class SortTest {
    @TempDir
    Path dir;
    SearchFixture f;

    @BeforeEach
    void open() {
        f = new SearchFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private long msg(String headers, String body, String internal) {
        return f.append(SearchFixture.message(headers, body), Flags.NONE, Instant.parse(internal));
    }

    private static SortCriterion by(SortKey k) {
        return SortCriterion.of(k);
    }

    private static SortCriterion reverse(SortKey k) {
        return SortCriterion.reversed(k);
    }

    @Test
    void arrivalSizeAndReverse() {
        long a = msg("Subject: a", "x".repeat(300), "2024-01-03T00:00:00Z");
        long b = msg("Subject: b", "x", "2024-01-01T00:00:00Z");
        long c = msg("Subject: c", "x".repeat(100), "2024-01-02T00:00:00Z");
        assertThat(f.sort(SearchQuery.all(), by(SortKey.ARRIVAL))).containsExactly(b, c, a);
        assertThat(f.sort(SearchQuery.all(), reverse(SortKey.ARRIVAL))).containsExactly(a, c, b);
        assertThat(f.sort(SearchQuery.all(), by(SortKey.SIZE))).containsExactly(b, c, a);
        assertThat(f.sort(SearchQuery.all(), reverse(SortKey.SIZE))).containsExactly(a, c, b);
    }

    @Test
    void dateUsesTheDateHeaderInUtcAndFallsBackToTheInternalDate() {
        long a = msg("Date: Tue, 2 Jan 2024 08:00:00 +0900\nSubject: a", "b", "2024-05-01T00:00:00Z"); // 1 Jan 23:00Z
        long b = msg("Date: Mon, 1 Jan 2024 22:00:00 -0100\nSubject: b", "b", "2024-05-01T00:00:00Z"); // 1 Jan 23:00Z
        long c = msg("Subject: c", "b", "2024-01-01T12:00:00Z");
        long d = msg("Date: garbage\nSubject: d", "b", "2023-12-31T00:00:00Z");
        long e = msg("Date: Mon, 1 Jan 2024 20:00:00 +0000\nSubject: e", "b", "2020-01-01T00:00:00Z");
        // a and b are the same instant: mailbox order breaks the tie
        assertThat(f.sort(SearchQuery.all(), by(SortKey.DATE))).containsExactly(d, c, e, a, b);
        assertThat(f.sort(SearchQuery.all(), reverse(SortKey.DATE))).containsExactly(a, b, e, c, d);
    }

    @Test
    void addressKeysSortByLocalPartAndDisplayKeysByNameCaseInsensitively() {
        long a = msg("From: Zed <alpha@example.org>\nTo: Bob <zulu@x>\nCc: mike@x", "b", "2024-01-01T00:00:00Z");
        long b = msg("From: BRAVO@example.org\nTo: =?UTF-8?Q?=C3=84rger?= <yank@x>\nCc: Alpha@x", "b",
                "2024-01-02T00:00:00Z");
        long c = msg("From: Anna <charlie@example.org>\nTo: xray@x", "b", "2024-01-03T00:00:00Z");
        long none = msg("Subject: no addresses", "b", "2024-01-04T00:00:00Z");
        assertThat(f.sort(SearchQuery.all(), by(SortKey.FROM))).containsExactly(none, a, b, c);
        assertThat(f.sort(SearchQuery.all(), by(SortKey.TO))).containsExactly(none, c, b, a);
        assertThat(f.sort(SearchQuery.all(), by(SortKey.CC))).containsExactly(c, none, b, a);
        // display names: Anna, bravo@example.org (no name: the address), Zed
        assertThat(f.sort(SearchQuery.all(), by(SortKey.DISPLAYFROM))).containsExactly(none, c, b, a);
        // Ärger (decomposed: A + diaeresis, as Dovecot sorts it), Bob, xray@x
        assertThat(f.sort(SearchQuery.all(), by(SortKey.DISPLAYTO))).containsExactly(none, b, a, c);
    }

    @Test
    void subjectSortsByBaseSubjectThenTheNextKey() {
        long a = msg("Subject: Re: banana\nDate: Wed, 3 Jan 2024 00:00:00 +0000", "b", "2024-01-01T00:00:00Z");
        long b = msg("Subject: [list] Apple\nDate: Tue, 2 Jan 2024 00:00:00 +0000", "b", "2024-01-01T00:00:00Z");
        long c = msg("Subject: banana\nDate: Mon, 1 Jan 2024 00:00:00 +0000", "b", "2024-01-01T00:00:00Z");
        long d = msg("Subject: Fwd: apple (fwd)\nDate: Mon, 1 Jan 2024 00:00:00 +0000", "b", "2024-01-01T00:00:00Z");
        assertThat(f.sort(SearchQuery.all(), by(SortKey.SUBJECT))).containsExactly(b, d, a, c);
        assertThat(f.sort(SearchQuery.all(), by(SortKey.SUBJECT), by(SortKey.DATE))).containsExactly(d, b, c, a);
        assertThat(f.sort(SearchQuery.all(), reverse(SortKey.SUBJECT), reverse(SortKey.DATE)))
                .containsExactly(a, c, b, d);
    }

    @Test
    void sortsOnlyTheSearchResult() {
        long a = msg("Subject: a", "needle", "2024-01-02T00:00:00Z");
        msg("Subject: b", "hay", "2024-01-01T00:00:00Z");
        long c = msg("Subject: c", "needle", "2024-01-01T00:00:00Z");
        assertThat(f.sort(SearchQuery.body("needle"), by(SortKey.ARRIVAL))).containsExactly(c, a);
        assertThat(f.sort(SearchQuery.body("nothing"), by(SortKey.SUBJECT))).isEmpty();
    }
}
