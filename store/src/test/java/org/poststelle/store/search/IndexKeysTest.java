package org.poststelle.store.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poststelle.store.search.SearchQuery.*;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.store.model.FlagOp;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.UidSet;

/** Keys answered from the snapshot and the message index, without reading a message. */
class IndexKeysTest {
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

    private long plain(Flags flags, Instant internal) {
        return f.append(SearchFixture.message("From: a@example.org\nSubject: s", "body"), flags, internal);
    }

    private static Flags flags(String... names) {
        return Flags.parse(List.of(names));
    }

    @Test
    void systemFlagsAndTheirNegations() {
        long answered = plain(flags("\\Answered"), null);
        long deleted = plain(flags("\\Deleted"), null);
        long draft = plain(flags("\\Draft"), null);
        long flagged = plain(flags("\\Flagged"), null);
        long seen = plain(flags("\\Seen"), null);
        long none = plain(Flags.NONE, null);
        UidSet all = UidSet.of(answered, deleted, draft, flagged, seen, none);

        assertThat(f.search(answered())).isEqualTo(UidSet.of(answered));
        assertThat(f.search(deleted())).isEqualTo(UidSet.of(deleted));
        assertThat(f.search(draft())).isEqualTo(UidSet.of(draft));
        assertThat(f.search(flagged())).isEqualTo(UidSet.of(flagged));
        assertThat(f.search(seen())).isEqualTo(UidSet.of(seen));
        assertThat(f.search(unanswered())).isEqualTo(all.minus(UidSet.of(answered)));
        assertThat(f.search(undeleted())).isEqualTo(all.minus(UidSet.of(deleted)));
        assertThat(f.search(undraft())).isEqualTo(all.minus(UidSet.of(draft)));
        assertThat(f.search(unflagged())).isEqualTo(all.minus(UidSet.of(flagged)));
        assertThat(f.search(unseen())).isEqualTo(all.minus(UidSet.of(seen)));
        assertThat(f.search(all())).isEqualTo(all);
        assertThat(f.inbox.contentOpens).hasValue(0);
    }

    @Test
    void keywordsCompareCaseInsensitively() {
        long work = plain(flags("$Work"), null);
        long other = plain(flags("$Other"), null);
        assertThat(f.search(keyword("$work"))).isEqualTo(UidSet.of(work));
        assertThat(f.search(keyword("$Missing"))).isEqualTo(UidSet.empty());
        assertThat(f.search(unkeyword("$WORK"))).isEqualTo(UidSet.of(other));
    }

    @Test
    void flagsComeFromTheSnapshotPassedIn() {
        long uid = plain(Flags.NONE, null);
        var before = f.inbox.snapshot();
        f.inbox.updateFlags(UidSet.of(uid), FlagOp.ADD, flags("\\Seen"), -1);
        assertThat(f.engine.search(f.inbox, before, seen(), SearchContext.defaults()).uids()).isEmpty();
        assertThat(f.search(seen())).isEqualTo(UidSet.of(uid));
    }

    @Test
    void recentNewAndOldUseTheSessionsRecentSet() {
        long a = plain(Flags.NONE, null);
        long b = plain(flags("\\Seen"), null);
        long c = plain(Flags.NONE, null);
        SearchContext ctx = SearchContext.of(UidSet.of(b, c));
        assertThat(f.search(recent(), ctx)).isEqualTo(UidSet.of(b, c));
        assertThat(f.search(newMessages(), ctx)).isEqualTo(UidSet.of(c));
        assertThat(f.search(old(), ctx)).isEqualTo(UidSet.of(a));
        assertThat(f.search(recent())).isEmpty();
    }

    @Test
    void uidSetsAndSequenceSetsMappedToUids() {
        long a = plain(Flags.NONE, null);
        long b = plain(Flags.NONE, null);
        long c = plain(Flags.NONE, null);
        assertThat(f.search(uid(UidSet.range(b, 99)))).isEqualTo(UidSet.of(b, c));
        assertThat(f.search(uid(UidSet.of(a, 50)))).isEqualTo(UidSet.of(a));
        assertThat(f.search(uid(UidSet.empty()))).isEmpty();
    }

    @Test
    void largerAndSmallerCompareTheCrlfSize() {
        long small = f.append(SearchFixture.message("Subject: s", "x"));
        long big = f.append(SearchFixture.message("Subject: s", "x".repeat(500)));
        long size = f.inbox.meta(small).size();
        assertThat(size).isEqualTo(SearchFixture.message("Subject: s", "x").length);
        assertThat(f.search(larger(size))).isEqualTo(UidSet.of(big));
        assertThat(f.search(larger(size - 1))).isEqualTo(UidSet.of(small, big));
        assertThat(f.search(smaller(size))).isEmpty();
        assertThat(f.search(smaller(size + 1))).isEqualTo(UidSet.of(small));
        assertThat(f.inbox.contentOpens).hasValue(0);
    }

    @Test
    void internalDateKeysCompareDaysInTheServerZone() {
        // 2024-03-10 23:30 UTC is 2024-03-11 in Berlin
        long late = plain(Flags.NONE, Instant.parse("2024-03-10T23:30:00Z"));
        long early = plain(Flags.NONE, Instant.parse("2024-03-10T00:30:00Z"));
        SearchContext utc = SearchContext.defaults().withZone(ZoneOffset.UTC);
        SearchContext berlin = SearchContext.defaults().withZone(ZoneId.of("Europe/Berlin"));
        LocalDate d10 = LocalDate.of(2024, 3, 10);
        LocalDate d11 = LocalDate.of(2024, 3, 11);
        assertThat(f.search(on(d10), utc)).isEqualTo(UidSet.of(late, early));
        assertThat(f.search(on(d10), berlin)).isEqualTo(UidSet.of(early));
        assertThat(f.search(on(d11), berlin)).isEqualTo(UidSet.of(late));
        assertThat(f.search(before(d11), utc)).isEqualTo(UidSet.of(late, early));
        assertThat(f.search(before(d10), utc)).isEmpty();
        assertThat(f.search(since(d11), berlin)).isEqualTo(UidSet.of(late));
        assertThat(f.search(since(d10), berlin)).isEqualTo(UidSet.of(late, early));
        assertThat(f.inbox.contentOpens).hasValue(0);
    }

    @Test
    void withinCountsSecondsBackFromNow() {
        Instant now = Instant.parse("2024-06-01T12:00:00Z");
        long hourAgo = plain(Flags.NONE, now.minusSeconds(3600));
        long dayAgo = plain(Flags.NONE, now.minusSeconds(86400));
        SearchContext ctx = SearchContext.defaults().withNow(now);
        assertThat(f.search(younger(7200), ctx)).isEqualTo(UidSet.of(hourAgo));
        assertThat(f.search(older(7200), ctx)).isEqualTo(UidSet.of(dayAgo));
        assertThat(f.search(younger(3600), ctx)).isEqualTo(UidSet.of(hourAgo)); // exactly n seconds: younger
        assertThat(f.search(older(3600), ctx)).isEqualTo(UidSet.of(dayAgo));
        assertThat(f.search(older(100_000), ctx)).isEmpty();
    }

    @Test
    void saveDateKeysUseTheSaveDate() {
        Instant longAgo = Instant.parse("2001-01-01T12:00:00Z");
        long uid = plain(Flags.NONE, longAgo);
        LocalDate saved = LocalDate.ofInstant(f.inbox.meta(uid).saveDate(), ZoneId.systemDefault());
        assertThat(f.search(savedOn(saved))).isEqualTo(UidSet.of(uid));
        assertThat(f.search(savedSince(saved))).isEqualTo(UidSet.of(uid));
        assertThat(f.search(savedBefore(saved))).isEmpty();
        assertThat(f.search(savedBefore(saved.plusDays(1)))).isEqualTo(UidSet.of(uid));
        assertThat(f.search(on(LocalDate.of(2001, 1, 1)))).isEqualTo(UidSet.of(uid));
    }

    @Test
    void saveDateSupportedFollowsTheContext() {
        long uid = plain(Flags.NONE, null);
        assertThat(f.search(saveDateSupported())).isEqualTo(UidSet.of(uid));
        assertThat(f.search(saveDateSupported(), SearchContext.defaults().withSaveDateSupported(false))).isEmpty();
    }

    @Test
    void modSeqMatchesMessagesChangedSinceAndIgnoresTheEntry() {
        long a = plain(Flags.NONE, null);
        long b = plain(Flags.NONE, null);
        long since = f.inbox.snapshot().highestModSeq();
        f.inbox.updateFlags(UidSet.of(b), FlagOp.ADD, flags("\\Flagged"), -1);
        long after = f.inbox.meta(b).modSeq();
        assertThat(after).isGreaterThan(since);
        assertThat(f.search(modSeq(since + 1))).isEqualTo(UidSet.of(b));
        assertThat(f.search(modSeq("/flags/\\seen", EntryType.ALL, since + 1))).isEqualTo(UidSet.of(b));
        assertThat(f.search(modSeq(0))).isEqualTo(UidSet.of(a, b));
        SearchResult r = f.engine.search(f.inbox, f.inbox.snapshot(), modSeq(since + 1), SearchContext.defaults());
        assertThat(r.highestModSeq()).isEqualTo(after);
        assertThat(modSeq(1).mentionsModSeq()).isTrue();
        assertThat(and(seen(), not(modSeq(1))).mentionsModSeq()).isTrue();
        assertThat(seen().mentionsModSeq()).isFalse();
    }

    @Test
    void emailIdMatchesExactlyAndThreadIdMatchesNothing() {
        long a = plain(Flags.NONE, null);
        plain(Flags.NONE, null);
        String id = f.inbox.meta(a).emailId();
        assertThat(f.search(emailId(id))).isEqualTo(UidSet.of(a));
        assertThat(f.search(emailId(id + "x"))).isEmpty();
        assertThat(f.search(threadId(id))).isEmpty();
        assertThat(f.search(not(threadId(id)))).hasSize(2);
    }

    @Test
    void expungedMessagesInTheSessionSnapshotMatchNothing() {
        long a = plain(Flags.NONE, null);
        long b = plain(Flags.NONE, null);
        var snapshot = f.inbox.snapshot();
        f.inbox.expunge(UidSet.of(a));
        SearchContext ctx = SearchContext.defaults();
        assertThat(f.engine.search(f.inbox, snapshot, larger(0), ctx).uids()).isEqualTo(UidSet.of(b));
        assertThat(f.engine.search(f.inbox, snapshot, not(smaller(0)), ctx).uids()).isEqualTo(UidSet.of(b));
        assertThat(f.engine.search(f.inbox, snapshot, from("a@"), ctx).uids()).isEqualTo(UidSet.of(b));
        assertThat(f.engine.search(f.inbox, snapshot, body("body"), ctx).uids()).isEqualTo(UidSet.of(b));
        // the snapshot alone answers flag keys: the expunged message is still in the session's view
        assertThat(f.engine.search(f.inbox, snapshot, unseen(), ctx).uids()).isEqualTo(UidSet.of(a, b));
    }

    @Test
    void resultHelpersForEsearch() {
        long a = plain(Flags.NONE, null);
        long b = plain(flags("\\Seen"), null);
        long c = plain(Flags.NONE, null);
        var snapshot = f.inbox.snapshot();
        SearchResult r = f.engine.search(f.inbox, snapshot, unseen(), SearchContext.defaults());
        assertThat(r.count()).isEqualTo(2);
        assertThat(r.minUid()).hasValue(a);
        assertThat(r.maxUid()).hasValue(c);
        assertThat(r.sequenceNumbers(snapshot)).isEqualTo(UidSet.of(1, 3));
        assertThat(SearchResult.empty().minUid()).isEmpty();
        assertThat(b).isGreaterThan(a);
    }
}
