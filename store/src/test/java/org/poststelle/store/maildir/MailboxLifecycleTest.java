package org.poststelle.store.maildir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.core.config.ConfigSection;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.store.Mailbox;
import org.poststelle.store.StoreConfig;
import org.poststelle.store.StoreException;
import org.poststelle.store.UserMailboxes;
import org.poststelle.store.model.FlagOp;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.NewMessage;
import org.poststelle.store.model.UidSet;

/** Loading, idling, evicting and reopening folders, and one server process per folder. */
class MailboxLifecycleTest {
    private static final String MAIL = "Subject: x\n\nbody\n";

    @TempDir
    Path dataDir;

    private MaildirMailStore open(Map<String, Object> settings) {
        return MaildirMailStore.open(StoreConfig.from(ConfigSection.of(settings), dataDir), Metrics.noop());
    }

    @Test
    void anIdleMailboxCatchesUpWithDeliveriesWhenOpenedAgain() throws Exception {
        try (MaildirMailStore store = open(Map.of())) {
            UserMailboxes alice = store.forAccount(MaildirFixture.ALICE);
            try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
                inbox.append(List.of(NewMessage.of("Subject: a\r\n\r\n".getBytes(), Flags.NONE, null)));
            }
            // closed but still loaded (idle); the sync at reopen makes sure the delivery is seen at once
            MaildirFixture.deliver(MaildirFixture.root(dataDir), "1700000000.M1P1.mta", MAIL, false);
            assertThat(alice.status(MailboxName.INBOX).messages()).isEqualTo(2);
            try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
                assertThat(inbox.snapshot().uidSet()).isEqualTo(UidSet.range(1, 2));
            }
        }
    }

    @Test
    void anIdleThenResumedMailboxStillSeesExternalDeliveriesPromptly() throws Exception {
        // polling off: only the file watch can bring deliveries in while the mailbox is idle or open
        try (MaildirMailStore store = open(Map.of("poll_interval", "0s"))) {
            UserMailboxes alice = store.forAccount(MaildirFixture.ALICE);
            Path root = MaildirFixture.root(dataDir);
            try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
                inbox.snapshot();
            }
            // idle: still watched, so the delivery is taken into cur/ without anybody opening the mailbox
            MaildirFixture.deliver(root, "1700000010.M1P1.mta", MAIL, false);
            await().atMost(TestStores.patience()).until(() -> MaildirFixture.names(root.resolve("new")).isEmpty());
            assertThat(store.residentIndexBytesAndMessages()[1]).isEqualTo(1);
            try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
                assertThat(inbox.snapshot().size()).isEqualTo(1);
                AtomicInteger hints = new AtomicInteger();
                inbox.onChange(hints::incrementAndGet);
                MaildirFixture.deliver(root, "1700000011.M1P1.mta", MAIL, false);
                await().atMost(TestStores.patience()).until(() -> hints.get() > 0 && inbox.snapshot().size() == 2);
            }
        }
    }

    @Test
    void idleMailboxesKeepTheirWatchOnlyWhileTheIdleListKeepsThem() throws Exception {
        try (MaildirMailStore store = open(Map.of("idle_mailboxes", 1))) {
            UserMailboxes alice = store.forAccount(MaildirFixture.ALICE);
            for (String n : new String[] {"A", "B", "C"}) {
                alice.create(MailboxName.of(n), java.util.Set.of());
            }
            try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
                String[] names = {"A", "B", "C"};
                for (int i = 0; i < names.length; i++) {
                    try (Mailbox m = alice.open(MailboxName.of(names[i]), false)) {
                        m.snapshot();
                        // INBOX, this one, and the folder closed before (idle)
                        assertThat(store.watcher().watchedFolders()).isEqualTo(i == 0 ? 2 : 3);
                    }
                }
                // INBOX (open) and C (the one idle folder kept); A and B were evicted with their watches
                assertThat(store.watcher().watchedFolders()).isEqualTo(2);
                MaildirFixture.deliver(MaildirFixture.root(dataDir), "1700000012.M1P1.mta", MAIL, false);
                await().atMost(TestStores.patience()).until(() -> inbox.snapshot().size() == 1);
            }
            assertThat(store.watcher().watchedFolders()).isEqualTo(1);
        }
    }

    @Test
    void evictedMailboxesCloseCleanlyAndReopenWithoutLosingAnything() throws Exception {
        try (MaildirMailStore store = open(Map.of("idle_mailboxes", 0))) {
            UserMailboxes alice = store.forAccount(MaildirFixture.ALICE);
            for (int round = 0; round < 5; round++) {
                try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
                    long uid = inbox.append(List.of(NewMessage.of(("Subject: " + round + "\r\n\r\n").getBytes(),
                            Flags.NONE, null))).uids()[0];
                    inbox.updateFlags(UidSet.of(uid), FlagOp.ADD, Flags.ofSystem(Flags.SEEN), -1);
                    assertThat(uid).isEqualTo(round + 1);
                }
            }
            assertThat(store.residentIndexBytesAndMessages()[1]).isZero();
            try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
                assertThat(inbox.snapshot().size()).isEqualTo(5);
                assertThat(inbox.meta(3).flags().has(Flags.SEEN)).isTrue();
            }
        }
    }

    @Test
    void aSecondServerProcessCannotLoadTheSameFolder() {
        try (MaildirMailStore first = open(Map.of());
                MaildirMailStore second = open(Map.of("lock_timeout", "300ms"))) {
            try (Mailbox held = first.forAccount(MaildirFixture.ALICE).open(MailboxName.INBOX, false)) {
                UserMailboxes other = second.forAccount(MaildirFixture.ALICE);
                assertThatThrownBy(() -> other.open(MailboxName.INBOX, false))
                        .isInstanceOfSatisfying(StoreException.class,
                                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.TEMPORARY));
                held.snapshot();
            }
        }
    }

    @Test
    void handlesFailCleanlyAfterClose() {
        try (MaildirMailStore store = open(Map.of())) {
            Mailbox inbox = store.forAccount(MaildirFixture.ALICE).open(MailboxName.INBOX, false);
            inbox.close();
            inbox.close();
            assertThatThrownBy(inbox::snapshot).isInstanceOf(StoreException.class);
        }
    }

    @Test
    void handlesOnADeletedMailboxSeeItEmptyAndCannotWrite() {
        try (MaildirMailStore store = open(Map.of())) {
            UserMailboxes alice = store.forAccount(MaildirFixture.ALICE);
            alice.create(MailboxName.of("Doomed"), java.util.Set.of());
            try (Mailbox doomed = alice.open(MailboxName.of("Doomed"), false)) {
                doomed.append(List.of(NewMessage.of("Subject: a\r\n\r\n".getBytes(), Flags.NONE, null)));
                int[] hints = {0};
                doomed.onChange(() -> hints[0]++);
                alice.delete(MailboxName.of("Doomed"));
                assertThat(hints[0]).isPositive();
                assertThat(doomed.snapshot().size()).isZero();
                assertThatThrownBy(() -> doomed.append(List.of(NewMessage.of("x".getBytes(), Flags.NONE, null))))
                        .isInstanceOfSatisfying(StoreException.class,
                                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
            }
        }
    }
}
