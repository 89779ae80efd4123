package org.poststelle.store.maildir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.core.config.ConfigSection;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.store.Mailbox;
import org.poststelle.store.StoreConfig;
import org.poststelle.store.UserMailboxes;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.MessageMeta;
import org.poststelle.store.model.UidSet;

/** Mail and changes from other programs (MTA, Maildir tools) show up without a restart, with a hint. */
class ExternalDeliveryTest {
    private static final String MAIL = "From: mta@example.org\nSubject: delivered\n\nhello\n";

    @TempDir
    Path dataDir;
    private MaildirMailStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private UserMailboxes open(Map<String, Object> config) {
        store = MaildirMailStore.open(StoreConfig.from(ConfigSection.of(config), dataDir), Metrics.noop());
        return store.forAccount(MaildirFixture.ALICE);
    }

    @Test
    void mailDeliveredIntoNewAppearsWithTheNextUidAndAHint() throws Exception {
        UserMailboxes alice = open(Map.of());
        Path root = MaildirFixture.root(dataDir);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            inbox.append(List.of(org.poststelle.store.model.NewMessage.of("Subject: mine\r\n\r\nx\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII), Flags.NONE, null)));
            AtomicInteger hints = new AtomicInteger();
            inbox.onChange(hints::incrementAndGet);
            MaildirFixture.deliver(root, "1700000000.M1P2.mta", MAIL, false);
            await().atMost(TestStores.patience()).until(() -> hints.get() > 0 && inbox.snapshot().size() == 2);
            MessageMeta m = inbox.meta(2);
            assertThat(m.flags().isEmpty()).isTrue();
            assertThat(m.size()).isEqualTo(MAIL.length() + 4);
            assertThat(read(inbox, 2)).isEqualTo(MAIL.replace("\n", "\r\n"));
            assertThat(MaildirFixture.names(root.resolve("new"))).isEmpty();
            assertThat(MaildirFixture.names(root.resolve("cur"))).anyMatch(n -> n.startsWith("1700000000.M1P2.mta:2,"));
            assertThat(Files.readString(root.resolve("dovecot-uidlist"))).contains("2 :1700000000.M1P2.mta\n");
        }
    }

    @Test
    void deliveryIntoCurWithFlagsKeepsThem() throws Exception {
        UserMailboxes alice = open(Map.of());
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            MaildirFixture.deliver(MaildirFixture.root(dataDir), "1700000001.M1P2.lda:2,FS", MAIL, true);
            await().atMost(TestStores.patience()).until(() -> inbox.snapshot().size() == 1);
            Flags f = inbox.meta(1).flags();
            assertThat(f.has(Flags.SEEN)).isTrue();
            assertThat(f.has(Flags.FLAGGED)).isTrue();
        }
    }

    @Test
    void aMaildirToolRenamingOrDeletingFilesChangesFlagsAndExpunges() throws Exception {
        UserMailboxes alice = open(Map.of());
        Path cur = MaildirFixture.root(dataDir).resolve("cur");
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            MaildirFixture.deliver(MaildirFixture.root(dataDir), "1700000002.M1P2.x", MAIL, false);
            MaildirFixture.deliver(MaildirFixture.root(dataDir), "1700000003.M1P2.x", MAIL, false);
            await().atMost(TestStores.patience()).until(() -> inbox.snapshot().size() == 2);
            long modSeq = inbox.snapshot().highestModSeq();
            Files.move(cur.resolve("1700000002.M1P2.x:2,"), cur.resolve("1700000002.M1P2.x:2,RS"));
            Files.delete(cur.resolve("1700000003.M1P2.x:2,"));
            await().atMost(TestStores.patience()).until(() -> inbox.snapshot().size() == 1
                    && inbox.meta(1) != null && inbox.meta(1).flags().has(Flags.ANSWERED));
            assertThat(inbox.meta(1).modSeq()).isGreaterThan(modSeq);
            assertThat(inbox.expungedSince(modSeq)).isEqualTo(UidSet.of(2));
        }
    }

    @Test
    void pollingFindsDeliveriesWhenFileWatchingIsOff() throws Exception {
        UserMailboxes alice = open(Map.of("watch_files", false, "poll_interval", "200ms"));
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            AtomicInteger hints = new AtomicInteger();
            inbox.onChange(hints::incrementAndGet);
            MaildirFixture.deliver(MaildirFixture.root(dataDir), "1700000004.M1P2.poll", MAIL, false);
            await().atMost(TestStores.patience()).until(() -> hints.get() > 0 && inbox.snapshot().size() == 1);
        }
    }

    @Test
    void mailDeliveredWhileNobodyHadTheMailboxOpenIsThereAtTheNextOpen() throws Exception {
        UserMailboxes alice = open(Map.of());
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            inbox.snapshot();
        }
        store.close();
        MaildirFixture.deliver(MaildirFixture.root(dataDir), "1700000005.M1P2.offline", MAIL, false);
        alice = open(Map.of());
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            assertThat(inbox.snapshot().size()).isEqualTo(1);
            assertThat(inbox.claimRecent()).isEqualTo(UidSet.of(1));
        }
        assertThat(alice.quota().messages()).isEqualTo(1);
    }

    @Test
    void deliveriesIntoFoldersCountForQuotaWhenTheyAreOpened() throws Exception {
        UserMailboxes alice = open(Map.of());
        alice.create(MailboxName.of("Spam"), java.util.Set.of());
        long before = alice.quota().messages();
        Path spam = MaildirFixture.root(dataDir).resolve(".Spam");
        MaildirFixture.deliver(spam, "1700000006.M1P2.sieve", MAIL, false);
        assertThat(alice.status(MailboxName.of("Spam")).messages()).isEqualTo(1);
        assertThat(alice.quota().messages()).isEqualTo(before + 1);
    }

    private static String read(Mailbox m, long uid) throws Exception {
        try (var in = m.content(uid).open()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
    }
}
