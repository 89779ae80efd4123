package org.poststelle.store.maildir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.store.Mailbox;
import org.poststelle.store.StoreException;
import org.poststelle.store.UserMailboxes;
import org.poststelle.store.model.FlagOp;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.NewMessage;
import org.poststelle.store.model.SnapshotDiff;
import org.poststelle.store.model.UidSet;

/** Many sessions on one mailbox at once: appends, flag changes, expunges, copies and readers. */
class ConcurrentSessionsTest {
    @TempDir
    Path dataDir;
    private MaildirMailStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private static NewMessage msg(String id) {
        return NewMessage.of(("Subject: " + id + "\r\nX-Id: " + id + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII),
                Flags.NONE, null);
    }

    @Test
    void concurrentWritersNeverShareAUidAndEveryoneConverges() throws Exception {
        store = TestStores.open(dataDir);
        UserMailboxes alice = store.forAccount(MaildirFixture.ALICE);
        alice.create(MailboxName.of("Copies"), Set.of());
        int writers = 8;
        int perWriter = 25;
        Set<Long> uids = ConcurrentHashMap.newKeySet();
        Set<Long> expunged = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                go.await();
                try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
                    for (int i = 0; i < perWriter; i++) {
                        long uid = inbox.append(List.of(msg(writer + "-" + i))).uids()[0];
                        if (!uids.add(uid)) {
                            duplicates.incrementAndGet();
                        }
                        switch (i % 5) {
                            case 1 -> inbox.updateFlags(UidSet.of(uid), FlagOp.ADD, Flags.ofSystem(Flags.SEEN), -1);
                            case 2 -> inbox.copyTo(UidSet.of(uid), MailboxName.of("Copies"));
                            case 3 -> inbox.expunge(UidSet.of(uid)).forEachUid(expunged::add);
                            default -> { }
                        }
                    }
                }
                return null;
            }));
        }
        // a reader following along by snapshots, reading contents that may vanish under it
        futures.add(pool.submit(() -> {
            go.await();
            try (Mailbox inbox = alice.open(MailboxName.INBOX, true)) {
                MailboxSnapshot view = inbox.snapshot();
                for (int round = 0; round < 200; round++) {
                    MailboxSnapshot now = inbox.snapshot();
                    SnapshotDiff d = view.diff(now);
                    assertThat(now.uidSet().intersect(d.expunged()).isEmpty()).isTrue();
                    for (int k = 1; k < now.size(); k++) {
                        assertThat(now.uid(k)).isGreaterThan(now.uid(k - 1));
                    }
                    for (int i = 0; i < now.size(); i += 7) {
                        try (var in = inbox.content(now.uid(i)).open()) {
                            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).contains("X-Id: ");
                        } catch (StoreException e) {
                            assertThat(e.reason()).isEqualTo(StoreException.Reason.MESSAGE_GONE);
                        }
                    }
                    view = now;
                }
            }
            return null;
        }));
        go.countDown();
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(duplicates.get()).isZero();
        assertThat(uids).hasSize(writers * perWriter);
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            UidSet expected = UidSet.of(uids.stream().mapToLong(Long::longValue).toArray())
                    .minus(UidSet.of(expunged.stream().mapToLong(Long::longValue).toArray()));
            assertThat(inbox.snapshot().uidSet()).isEqualTo(expected);
        }
        assertThat(alice.status(MailboxName.of("Copies")).messages()).isEqualTo(writers * (perWriter / 5));
        // what another process would see: reopen from disk
        store.close();
        store = TestStores.open(dataDir);
        try (Mailbox inbox = store.forAccount(MaildirFixture.ALICE).open(MailboxName.INBOX, false)) {
            assertThat(inbox.snapshot().size()).isEqualTo(writers * perWriter - expunged.size());
        }
    }

    @Test
    void idleListenersOnSeveralHandlesAllHearADelivery() throws Exception {
        store = TestStores.open(dataDir);
        UserMailboxes alice = store.forAccount(MaildirFixture.ALICE);
        List<Mailbox> handles = new ArrayList<>();
        AtomicInteger heard = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            Mailbox m = alice.open(MailboxName.INBOX, i % 2 == 0);
            AtomicInteger once = new AtomicInteger();
            m.onChange(() -> {
                if (once.getAndIncrement() == 0) {
                    heard.incrementAndGet();
                }
            });
            handles.add(m);
        }
        MaildirFixture.deliver(MaildirFixture.root(dataDir), "1700000000.M7P7.mta", "Subject: x\n\nx\n", false);
        await().atMost(TestStores.patience()).until(() -> heard.get() == 5);
        handles.forEach(Mailbox::close);
    }
}
