package org.poststelle.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poststelle.store.Mailbox;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.FlagOp;
import org.poststelle.store.model.FlagUpdate;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.UidSet;

/** Changing flags, keywords, modseqs and the UNCHANGEDSINCE guard. */
public abstract class FlagsContract extends ContractBase {

    private static Flags flags(String... names) {
        return Flags.parse(List.of(names));
    }

    @Test
    void addRemoveAndReplace() {
        appendTo(alice, MailboxName.INBOX, 3);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            inbox.updateFlags(UidSet.range(1, 3), FlagOp.ADD, flags("\\Seen", "$Work"), -1);
            assertThat(inbox.meta(2).flags()).isEqualTo(flags("\\Seen", "$Work"));
            inbox.updateFlags(UidSet.of(2), FlagOp.REMOVE, flags("\\Seen"), -1);
            assertThat(inbox.meta(2).flags()).isEqualTo(flags("$Work"));
            inbox.updateFlags(UidSet.of(3), FlagOp.REPLACE, flags("\\Answered", "\\Draft"), -1);
            assertThat(inbox.meta(3).flags()).isEqualTo(flags("\\Answered", "\\Draft"));
            assertThat(inbox.meta(1).flags()).isEqualTo(flags("\\Seen", "$Work"));
        }
    }

    @Test
    void keywordsCompareCaseInsensitivelyAndKeepTheFirstSpelling() {
        appendTo(alice, MailboxName.INBOX, 1);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            inbox.updateFlags(UidSet.of(1), FlagOp.ADD, flags("$Forwarded"), -1);
            inbox.updateFlags(UidSet.of(1), FlagOp.ADD, flags("$FORWARDED"), -1);
            assertThat(inbox.meta(1).flags().keywords()).containsExactly("$Forwarded");
            inbox.updateFlags(UidSet.of(1), FlagOp.REMOVE, flags("$forwarded"), -1);
            assertThat(inbox.meta(1).flags().isEmpty()).isTrue();
        }
    }

    @Test
    void everyChangeRaisesModseqAndUnchangedMessagesKeepTheirs() {
        appendTo(alice, MailboxName.INBOX, 2);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            long before = inbox.snapshot().highestModSeq();
            long m2 = inbox.meta(2).modSeq();
            FlagUpdate u = inbox.updateFlags(UidSet.range(1, 2), FlagOp.ADD, flags("\\Seen"), -1);
            assertThat(u.highestModSeq()).isGreaterThan(before);
            assertThat(u.uids()).containsExactly(1, 2);
            assertThat(u.modSeqs()[0]).isEqualTo(u.highestModSeq());
            FlagUpdate again = inbox.updateFlags(UidSet.of(2), FlagOp.ADD, flags("\\Seen"), -1);
            assertThat(again.uids()).containsExactly(2);
            assertThat(again.modSeqs()[0]).isEqualTo(u.modSeqs()[1]).isGreaterThan(m2);
            assertThat(again.highestModSeq()).isEqualTo(u.highestModSeq());
            assertThat(inbox.snapshot().highestModSeq()).isEqualTo(u.highestModSeq());
        }
    }

    @Test
    void unchangedSinceLeavesNewerMessagesAlone() {
        appendTo(alice, MailboxName.INBOX, 3);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            long guard = inbox.snapshot().highestModSeq();
            inbox.updateFlags(UidSet.of(2), FlagOp.ADD, flags("\\Flagged"), -1);
            FlagUpdate u = inbox.updateFlags(UidSet.range(1, 3), FlagOp.ADD, flags("\\Seen"), guard);
            assertThat(u.failedUnchangedSince()).isEqualTo(UidSet.of(2));
            assertThat(u.uids()).containsExactly(1, 3);
            assertThat(inbox.meta(2).flags().has(Flags.SEEN)).isFalse();
            assertThat(inbox.meta(1).flags().has(Flags.SEEN)).isTrue();
        }
    }

    @Test
    void vanishedUidsAreIgnored() {
        appendTo(alice, MailboxName.INBOX, 2);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            inbox.expunge(UidSet.of(1));
            FlagUpdate u = inbox.updateFlags(UidSet.range(1, 50), FlagOp.ADD, flags("\\Seen"), -1);
            assertThat(u.uids()).containsExactly(2);
        }
    }

    @Test
    void flagsOfManyMessagesInOneCallSurviveAReopen() {
        appendTo(alice, MailboxName.INBOX, 200);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            inbox.updateFlags(UidSet.range(1, 200), FlagOp.ADD, flags("\\Seen", "$Done"), -1);
        }
        store.close();
        store = openStore(dataDir);
        alice = store.forAccount(account("alice", org.poststelle.core.auth.AccountPolicy.DEFAULT));
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            List<Flags> all = new ArrayList<>();
            inbox.meta(UidSet.range(1, 200), m -> all.add(m.flags()));
            assertThat(all).hasSize(200).allMatch(f -> f.equals(flags("\\Seen", "$Done")));
        }
    }

    @Test
    void aMailboxHoldsAtLeast26Keywords() {
        appendTo(alice, MailboxName.INBOX, 1);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            for (int i = 0; i < 26; i++) {
                inbox.updateFlags(UidSet.of(1), FlagOp.ADD, flags("kw" + i), -1);
            }
            assertThat(inbox.meta(1).flags().keywords()).hasSize(26);
            try {
                inbox.updateFlags(UidSet.of(1), FlagOp.ADD, flags("one-too-many"), -1);
            } catch (StoreException e) {
                assertThat(e.reason()).isEqualTo(StoreException.Reason.LIMIT);
            }
        }
    }
}
