package org.poststelle.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.core.auth.Pop3Retention;
import org.poststelle.core.auth.Protocol;
import org.poststelle.store.Mailbox;
import org.poststelle.store.StoreException;
import org.poststelle.store.UserMailboxes;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.QuotaUsage;
import org.poststelle.store.model.UidSet;

/** Usage per account and the two limits. */
public abstract class QuotaContract extends ContractBase {

    private UserMailboxes withQuota(String user, long bytes, long messages) {
        return store.forAccount(account(user, new AccountPolicy(EnumSet.allOf(Protocol.class), bytes, messages,
                Pop3Retention.KEEP, Duration.ZERO, false)));
    }

    private static void assertOverQuota(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.OVER_QUOTA));
    }

    @Test
    void usageCountsMessagesAndBytesOverAllMailboxes() {
        UserMailboxes bob = withQuota("bob", 0, 0);
        bob.create(name("Other"), Set.of());
        appendTo(bob, MailboxName.INBOX, 2);
        appendTo(bob, name("Other"), 3);
        QuotaUsage q = bob.quota();
        assertThat(q.messages()).isEqualTo(5);
        assertThat(q.storageBytes()).isEqualTo(bob.status(MailboxName.INBOX).size() + bob.status(name("Other")).size());
        assertThat(q.storageLimit()).isZero();
        assertThat(q.messageLimit()).isZero();
    }

    @Test
    void messageLimitRefusesTheAppendThatWouldCrossIt() {
        UserMailboxes carol = withQuota("carol", 0, 3);
        appendTo(carol, MailboxName.INBOX, 2);
        try (Mailbox inbox = carol.open(MailboxName.INBOX, false)) {
            assertOverQuota(() -> inbox.append(List.of(newMessage("3"), newMessage("4"))));
            assertThat(inbox.snapshot().size()).isEqualTo(2);
            inbox.append(List.of(newMessage("3")));
            assertOverQuota(() -> inbox.append(List.of(newMessage("4"))));
            assertThat(carol.quota().messages()).isEqualTo(3);
            assertThat(carol.quota().messageLimit()).isEqualTo(3);
        }
    }

    @Test
    void storageLimitAppliesToCopyButNotToMove() {
        UserMailboxes dave = withQuota("dave", 1000, 0);
        dave.create(name("Keep"), Set.of());
        byte[] big = message("big", "x".repeat(400));
        try (Mailbox inbox = dave.open(MailboxName.INBOX, false)) {
            inbox.append(List.of(newMessage(big, null, null)));
            inbox.append(List.of(newMessage(big, null, null)));
            assertOverQuota(() -> inbox.append(List.of(newMessage(big, null, null))));
            assertOverQuota(() -> inbox.copyTo(UidSet.of(1), name("Keep")));
            inbox.moveTo(UidSet.of(1), name("Keep"));
            assertThat(dave.quota().messages()).isEqualTo(2);
            inbox.expunge(UidSet.of(2));
            inbox.append(List.of(newMessage(big, null, null)));
        }
    }

    @Test
    void usageSurvivesARestart() {
        UserMailboxes erin = withQuota("erin", 0, 0);
        erin.create(name("F"), Set.of());
        appendTo(erin, MailboxName.INBOX, 2);
        appendTo(erin, name("F"), 1);
        QuotaUsage before = erin.quota();
        store.close();
        store = openStore(dataDir);
        assertThat(withQuota("erin", 0, 0).quota()).isEqualTo(before);
    }
}
