package org.poststelle.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.poststelle.store.Mailbox;
import org.poststelle.store.model.FlagOp;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.SnapshotDiff;
import org.poststelle.store.model.UidSet;

/** Two handles on one mailbox: hints at once, and the exact difference pulled from snapshots. */
public abstract class ChangesContract extends ContractBase {

    @Test
    void everyHandleHearsOfEveryWriteAtOnce() {
        try (Mailbox a = alice.open(MailboxName.INBOX, false); Mailbox b = alice.open(MailboxName.INBOX, false)) {
            AtomicInteger aHints = new AtomicInteger();
            AtomicInteger bHints = new AtomicInteger();
            a.onChange(aHints::incrementAndGet);
            b.onChange(bHints::incrementAndGet);
            a.append(List.of(newMessage("x")));
            // delivered synchronously by the writer, no polling involved
            assertThat(bHints.get()).isPositive();
            assertThat(aHints.get()).isPositive();
            int before = bHints.get();
            a.updateFlags(UidSet.of(1), FlagOp.ADD, Flags.ofSystem(Flags.SEEN), -1);
            assertThat(bHints.get()).isGreaterThan(before);
            before = bHints.get();
            a.expunge(UidSet.of(1));
            assertThat(bHints.get()).isGreaterThan(before);
        }
    }

    @Test
    void theOtherSessionPullsExactlyWhatChanged() {
        appendTo(alice, MailboxName.INBOX, 3);
        try (Mailbox a = alice.open(MailboxName.INBOX, false); Mailbox b = alice.open(MailboxName.INBOX, false)) {
            MailboxSnapshot view = b.snapshot();
            a.append(List.of(newMessage("new one")));
            a.updateFlags(UidSet.of(2), FlagOp.ADD, Flags.ofSystem(Flags.FLAGGED), -1);
            a.expunge(UidSet.of(1));
            MailboxSnapshot now = b.snapshot();
            SnapshotDiff d = view.diff(now);
            assertThat(d.expunged()).isEqualTo(UidSet.of(1));
            assertThat(d.appendedCount()).isEqualTo(1);
            assertThat(now.uid(d.appendedFrom())).isEqualTo(4);
            assertThat(d.changed()).hasSize(1);
            assertThat(now.uid(d.changed()[0])).isEqualTo(2);
            assertThat(now.flags(d.changed()[0]).has(Flags.FLAGGED)).isTrue();
            assertThat(now.modSeq(d.changed()[0])).isGreaterThan(view.highestModSeq()).isLessThan(now.highestModSeq());
        }
    }

    @Test
    void anUnchangedMailboxGivesTheSameSnapshotInstance() {
        appendTo(alice, MailboxName.INBOX, 2);
        try (Mailbox a = alice.open(MailboxName.INBOX, false); Mailbox b = alice.open(MailboxName.INBOX, false)) {
            MailboxSnapshot s1 = a.snapshot();
            assertThat(a.snapshot()).isSameAs(s1);
            assertThat(b.snapshot()).isSameAs(s1);
            a.updateFlags(UidSet.of(1), FlagOp.ADD, Flags.ofSystem(Flags.SEEN), -1);
            assertThat(a.snapshot()).isNotSameAs(s1);
        }
    }

    @Test
    void recentGoesToTheFirstSessionThatClaimsIt() {
        appendTo(alice, MailboxName.INBOX, 2);
        try (Mailbox ro = alice.open(MailboxName.INBOX, true); Mailbox a = alice.open(MailboxName.INBOX, false);
                Mailbox b = alice.open(MailboxName.INBOX, false)) {
            assertThat(ro.claimRecent()).isEqualTo(UidSet.range(1, 2));
            assertThat(a.claimRecent()).isEqualTo(UidSet.range(1, 2));
            assertThat(b.claimRecent()).isEqualTo(UidSet.empty());
            assertThat(alice.status(MailboxName.INBOX).recent()).isZero();
            a.append(List.of(newMessage("later")));
            assertThat(b.claimRecent()).isEqualTo(UidSet.of(3));
            assertThat(a.claimRecent()).isEqualTo(UidSet.empty());
        }
    }

    @Test
    void closedHandlesStopHearing() {
        AtomicInteger hints = new AtomicInteger();
        try (Mailbox a = alice.open(MailboxName.INBOX, false)) {
            try (Mailbox b = alice.open(MailboxName.INBOX, false)) {
                b.onChange(hints::incrementAndGet);
            }
            a.append(List.of(newMessage("x")));
        }
        assertThat(hints.get()).isZero();
    }

    @Test
    void statusCountsFromTheIndex() {
        appendTo(alice, MailboxName.INBOX, 4);
        try (Mailbox a = alice.open(MailboxName.INBOX, false)) {
            a.updateFlags(UidSet.range(1, 2), FlagOp.ADD, Flags.ofSystem(Flags.SEEN), -1);
            a.updateFlags(UidSet.of(3), FlagOp.ADD, Flags.ofSystem(Flags.DELETED), -1);
            var st = alice.status(MailboxName.INBOX);
            assertThat(st.messages()).isEqualTo(4);
            assertThat(st.unseen()).isEqualTo(2);
            assertThat(st.deleted()).isEqualTo(1);
            assertThat(st.uidNext()).isEqualTo(5);
            assertThat(st.highestModSeq()).isEqualTo(a.snapshot().highestModSeq());
            assertThat(st.mailboxId()).isEqualTo(a.snapshot().mailboxId()).matches("[A-Za-z0-9_-]+");
            assertThat(st.size()).isPositive();
        }
    }

    @Test
    void retrievalTimesAreKept() {
        appendTo(alice, MailboxName.INBOX, 2);
        try (Mailbox a = alice.open(MailboxName.INBOX, false)) {
            a.markRetrieved(UidSet.of(1));
            var first = a.meta(1).firstRetrieved();
            assertThat(first).isNotNull();
            a.markRetrieved(UidSet.range(1, 2));
            assertThat(a.meta(1).firstRetrieved()).isEqualTo(first);
            assertThat(a.meta(2).firstRetrieved()).isNotNull();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            try (Mailbox a = alice.open(MailboxName.INBOX, true)) {
                return a.meta(1).firstRetrieved() != null;
            }
        });
    }
}
