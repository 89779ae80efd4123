package org.poststelle.store.maildir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.core.auth.Account;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.core.auth.Pop3Retention;
import org.poststelle.core.auth.Protocol;
import org.poststelle.core.config.ConfigSection;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.store.Mailbox;
import org.poststelle.store.StoreConfig;
import org.poststelle.store.StoreException;
import org.poststelle.store.UserMailboxes;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.NewMessage;
import org.poststelle.store.model.QuotaUsage;

/** Mail an MTA delivers into folders nobody has loaded counts for quota before the folder is opened. */
class QuotaDeliveryTest {
    private static final String MAIL = "From: mta@example.org\nSubject: delivered\n\nhello\n";
    /** RFC822.SIZE of {@link #MAIL}: each bare LF counts as CRLF. */
    private static final long MAIL_SIZE = MAIL.length() + MAIL.chars().filter(c -> c == '\n').count();
    private static final MailboxName SPAM = MailboxName.of("Spam");
    private static final MailboxName KEEP = MailboxName.of("Keep");

    @TempDir
    Path dataDir;
    private MaildirMailStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private UserMailboxes open(long quotaBytes, long quotaMessages) {
        store = MaildirMailStore.open(StoreConfig.from(ConfigSection.of(Map.of("poll_interval", "200ms",
                "create_special_folders", "never")), dataDir), Metrics.noop());
        AccountPolicy policy = new AccountPolicy(EnumSet.allOf(Protocol.class), quotaBytes, quotaMessages,
                Pop3Retention.KEEP, Duration.ZERO, false);
        return store.forAccount(new Account("alice@example.org", "alice", "example.org", Optional.empty(), policy));
    }

    /** Dovecot-style delivery name carrying the file size and the CRLF size. */
    private static String dovecotName(String base) {
        return base + ",S=" + MAIL.length() + ",W=" + MAIL_SIZE;
    }

    @Test
    void deliveriesIntoUnopenedInboxAndFolderCountAndOpeningThemDoesNotCountTwice() throws Exception {
        UserMailboxes alice = open(0, 0);
        alice.create(SPAM, Set.of());
        Path root = MaildirFixture.root(dataDir);
        assertThat(alice.quota().messages()).isZero();

        MaildirFixture.deliver(root, dovecotName("1700000000.M1P2.mta"), MAIL, false);
        MaildirFixture.deliver(root.resolve(".Spam"), dovecotName("1700000001.M1P2.mta"), MAIL, false);
        await().atMost(TestStores.patience()).until(() -> alice.quota().messages() == 2);
        assertThat(alice.quota().storageBytes()).isEqualTo(2 * MAIL_SIZE);
        assertThat(store.residentIndexBytesAndMessages()[1]).as("nothing was loaded").isZero();

        try (Mailbox inbox = alice.open(MailboxName.INBOX, false); Mailbox spam = alice.open(SPAM, false)) {
            assertThat(inbox.snapshot().size()).isEqualTo(1);
            assertThat(spam.snapshot().size()).isEqualTo(1);
            assertThat(alice.quota()).isEqualTo(new QuotaUsage(2 * MAIL_SIZE, 0, 2, 0));
        }
        assertThat(MaildirFixture.names(root.resolve("new"))).isEmpty();
        // later listings of new/ (every poll interval) must not bring the moved files back
        await().during(Duration.ofMillis(600)).atMost(TestStores.patience())
                .until(() -> alice.quota().equals(new QuotaUsage(2 * MAIL_SIZE, 0, 2, 0)));
    }

    @Test
    void anAppendOverTheLimitIsRefusedWhileTheDeliveredMailboxIsStillUnopened() throws Exception {
        UserMailboxes alice = open(0, 2);
        alice.create(SPAM, Set.of());
        alice.create(KEEP, Set.of());
        Path root = MaildirFixture.root(dataDir);
        try (Mailbox keep = alice.open(KEEP, false)) {
            keep.append(List.of(NewMessage.of("Subject: mine\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII),
                    Flags.NONE, null)));
            // an MTA that writes no sizes into the name: the listing stats the file
            MaildirFixture.deliver(root.resolve(".Spam"), "1700000002.M1P2.plain", MAIL, false);
            await().atMost(TestStores.patience()).until(() -> alice.quota().messages() == 2);
            assertThatThrownBy(() -> keep.append(List.of(NewMessage.of(
                    "Subject: more\r\n\r\ny\r\n".getBytes(StandardCharsets.US_ASCII), Flags.NONE, null))))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.OVER_QUOTA));
            assertThat(keep.snapshot().size()).isEqualTo(1);
        }
        assertThat(alice.status(SPAM).messages()).isEqualTo(1);
        assertThat(alice.quota().messages()).isEqualTo(2);
        assertThat(MaildirFixture.names(root.resolve(".Spam").resolve("new"))).isEmpty();
    }

    @Test
    void aStorageLimitSeesDeliveriesIntoTheUnopenedInbox() throws Exception {
        UserMailboxes alice = open(3 * MAIL_SIZE, 0);
        alice.create(KEEP, Set.of());
        Path root = MaildirFixture.root(dataDir);
        assertThat(alice.quota().storageBytes()).isZero();
        for (int i = 0; i < 3; i++) {
            MaildirFixture.deliver(root, dovecotName("170000001" + i + ".M1P2.mta"), MAIL, false);
        }
        await().atMost(TestStores.patience()).until(() -> alice.quota().storageBytes() == 3 * MAIL_SIZE);
        try (Mailbox keep = alice.open(KEEP, false)) {
            assertThatThrownBy(() -> keep.append(List.of(NewMessage.of(
                    "Subject: more\r\n\r\ny\r\n".getBytes(StandardCharsets.US_ASCII), Flags.NONE, null))))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.OVER_QUOTA));
        }
        assertThat(alice.status(MailboxName.INBOX).messages()).isEqualTo(3);
        assertThat(alice.quota().storageBytes()).isEqualTo(3 * MAIL_SIZE);
        assertThat(Files.exists(root.resolve("new"))).isTrue();
    }
}
