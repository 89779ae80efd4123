package org.poststelle.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.poststelle.store.Mailbox;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.CopyResult;
import org.poststelle.store.model.FlagOp;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.MessageMeta;
import org.poststelle.store.model.UidSet;

/** COPY and MOVE between mailboxes of an account. */
public abstract class CopyMoveContract extends ContractBase {

    @Test
    void copyKeepsContentFlagsDateAndIdAndReportsUidPairs() throws Exception {
        alice.create(name("Keepers"), Set.of());
        appendTo(alice, MailboxName.INBOX, 3);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            inbox.updateFlags(UidSet.of(2), FlagOp.ADD, Flags.parse(List.of("\\Flagged", "$Important")), -1);
            MessageMeta original = inbox.meta(2);
            CopyResult r = inbox.copyTo(UidSet.parse("2:3"), name("Keepers"));
            assertThat(r.sourceUids()).containsExactly(2, 3);
            assertThat(r.targetUids()).hasSize(2);
            assertThat(inbox.snapshot().size()).isEqualTo(3);
            try (Mailbox archive = alice.open(name("Keepers"), false)) {
                assertThat(r.uidValidity()).isEqualTo(archive.snapshot().uidValidity());
                MessageMeta copy = archive.meta(r.targetUids()[0]);
                assertThat(copy.flags()).isEqualTo(original.flags());
                assertThat(copy.internalDate()).isEqualTo(original.internalDate());
                assertThat(copy.size()).isEqualTo(original.size());
                assertThat(copy.emailId()).isEqualTo(original.emailId());
                assertThat(read(archive.content(copy.uid()))).isEqualTo(read(inbox.content(2)));
            }
        }
    }

    @Test
    void moveRemovesFromTheSourceAndKeepsTheContent() throws Exception {
        alice.create(name("Bin"), Set.of());
        appendTo(alice, MailboxName.INBOX, 3);
        String body;
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            body = read(inbox.content(1));
            CopyResult r = inbox.moveTo(UidSet.of(1), name("Bin"));
            assertThat(r.sourceUids()).containsExactly(1);
            assertThat(inbox.snapshot().uidSet()).isEqualTo(UidSet.range(2, 3));
            try (Mailbox trash = alice.open(name("Bin"), false)) {
                assertThat(read(trash.content(r.targetUids()[0]))).isEqualTo(body);
            }
        }
    }

    @Test
    void copyTwiceIntoOneMailboxGivesTwoMessages() {
        alice.create(name("Twice"), Set.of());
        appendTo(alice, MailboxName.INBOX, 1);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            CopyResult a = inbox.copyTo(UidSet.of(1), name("Twice"));
            CopyResult b = inbox.copyTo(UidSet.of(1), name("Twice"));
            assertThat(b.targetUids()[0]).isGreaterThan(a.targetUids()[0]);
            try (Mailbox twice = alice.open(name("Twice"), false)) {
                assertThat(twice.snapshot().size()).isEqualTo(2);
                assertThat(twice.meta(a.targetUids()[0]).emailId()).isEqualTo(twice.meta(b.targetUids()[0]).emailId());
            }
        }
    }

    @Test
    void copyIntoTheSameMailbox() {
        appendTo(alice, MailboxName.INBOX, 1);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            CopyResult r = inbox.copyTo(UidSet.of(1), MailboxName.INBOX);
            assertThat(r.targetUids()).containsExactly(2);
            assertThat(inbox.snapshot().size()).isEqualTo(2);
        }
    }

    @Test
    void copyOfVanishedUidsCopiesNothing() {
        alice.create(name("Empty"), Set.of());
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            CopyResult r = inbox.copyTo(UidSet.range(1, 10), name("Empty"));
            assertThat(r.sourceUids()).isEmpty();
        }
    }

    @Test
    void copyToAMissingMailboxFailsNotFound() {
        appendTo(alice, MailboxName.INBOX, 1);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            assertThatThrownBy(() -> inbox.copyTo(UidSet.of(1), name("Missing")))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
        }
    }

    @Test
    void keywordsTravelBetweenMailboxes() {
        alice.create(name("Other"), Set.of());
        appendTo(alice, MailboxName.INBOX, 1);
        try (Mailbox other = alice.open(name("Other"), false)) {
            other.append(List.of(newMessage(message("o", "o"), Flags.parse(List.of("$First")), null)));
        }
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            inbox.updateFlags(UidSet.of(1), FlagOp.ADD, Flags.parse(List.of("$Second")), -1);
            CopyResult r = inbox.moveTo(UidSet.of(1), name("Other"));
            try (Mailbox other = alice.open(name("Other"), false)) {
                assertThat(other.meta(r.targetUids()[0]).flags().keywords()).containsExactly("$Second");
                assertThat(other.meta(1).flags().keywords()).containsExactly("$First");
            }
        }
    }
}
