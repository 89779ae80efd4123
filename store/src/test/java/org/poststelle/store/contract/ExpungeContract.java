package org.poststelle.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.poststelle.store.Mailbox;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.SnapshotDiff;
import org.poststelle.store.model.UidSet;

/** Expunging exact UIDs and remembering them for QRESYNC. */
public abstract class ExpungeContract extends ContractBase {

    @Test
    void expungeRemovesExactlyTheGivenExistingUids() {
        appendTo(alice, MailboxName.INBOX, 5);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            UidSet removed = inbox.expunge(UidSet.parse("2,4,9"));
            assertThat(removed).isEqualTo(UidSet.parse("2,4"));
            assertThat(inbox.snapshot().uidSet()).isEqualTo(UidSet.parse("1,3,5"));
            assertThat(inbox.expunge(UidSet.of(2))).isEqualTo(UidSet.empty());
        }
    }

    @Test
    void uidsAreNeverReusedAfterExpungeNorAfterReopen() {
        appendTo(alice, MailboxName.INBOX, 3);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            inbox.expunge(UidSet.range(2, 3));
            assertThat(inbox.append(java.util.List.of(newMessage("after"))).uids()).containsExactly(4);
        }
        store.close();
        store = openStore(dataDir);
        alice = store.forAccount(account("alice", org.poststelle.core.auth.AccountPolicy.DEFAULT));
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            assertThat(inbox.snapshot().uidSet()).isEqualTo(UidSet.parse("1,4"));
            assertThat(inbox.append(java.util.List.of(newMessage("later"))).uids()).containsExactly(5);
        }
    }

    @Test
    void expungedSinceAnswersFromTheHistory() {
        appendTo(alice, MailboxName.INBOX, 4);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            long before = inbox.snapshot().highestModSeq();
            inbox.expunge(UidSet.of(1));
            long middle = inbox.snapshot().highestModSeq();
            inbox.expunge(UidSet.of(3));
            assertThat(inbox.expungedSince(before)).isEqualTo(UidSet.parse("1,3"));
            assertThat(inbox.expungedSince(middle)).isEqualTo(UidSet.of(3));
            assertThat(inbox.expungedSince(inbox.snapshot().highestModSeq())).isEqualTo(UidSet.empty());
        }
    }

    @Test
    void aSnapshotDiffShowsTheExpungeToAnotherSession() {
        appendTo(alice, MailboxName.INBOX, 3);
        try (Mailbox a = alice.open(MailboxName.INBOX, false); Mailbox b = alice.open(MailboxName.INBOX, false)) {
            MailboxSnapshot bView = b.snapshot();
            a.expunge(UidSet.of(2));
            SnapshotDiff d = bView.diff(b.snapshot());
            assertThat(d.expunged()).isEqualTo(UidSet.of(2));
            assertThat(d.appendedCount()).isZero();
        }
    }

    @Test
    void expungeFreesQuotaUsage() {
        appendTo(alice, MailboxName.INBOX, 3);
        long before = alice.quota().messages();
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            inbox.expunge(UidSet.of(1));
        }
        assertThat(alice.quota().messages()).isEqualTo(before - 1);
    }
}
