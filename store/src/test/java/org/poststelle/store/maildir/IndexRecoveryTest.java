package org.poststelle.store.maildir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.store.Mailbox;
import org.poststelle.store.UserMailboxes;
import org.poststelle.store.model.FlagOp;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.NewMessage;
import org.poststelle.store.model.UidSet;

/** The index is a cache of the Maildir: lost or damaged, it is rebuilt, keeping what the uidlist knows. */
class IndexRecoveryTest {
    @TempDir
    Path dataDir;
    private MaildirMailStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private UserMailboxes open() {
        if (store != null) {
            store.close();
        }
        store = TestStores.open(dataDir);
        return store.forAccount(MaildirFixture.ALICE);
    }

    /** Five messages, two expunged, flags on the rest; returns the snapshot before closing. */
    private MailboxSnapshot populate() {
        UserMailboxes alice = open();
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            List<NewMessage> msgs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                msgs.add(NewMessage.of(("Subject: " + i + "\r\n\r\nbody " + i + "\r\n").getBytes(), Flags.NONE, null));
            }
            inbox.append(msgs);
            inbox.expunge(UidSet.parse("2,4"));
            inbox.updateFlags(UidSet.of(3), FlagOp.ADD, Flags.parse(List.of("\\Flagged", "$Todo")), -1);
            inbox.updateFlags(UidSet.of(5), FlagOp.ADD, Flags.ofSystem(Flags.SEEN), -1);
            return inbox.snapshot();
        }
    }

    private void assertSameMessages(MailboxSnapshot before, MailboxSnapshot after) {
        assertThat(after.uidValidity()).isEqualTo(before.uidValidity());
        assertThat(after.uidSet()).isEqualTo(before.uidSet());
        assertThat(after.uidNext()).isEqualTo(before.uidNext());
        assertThat(after.mailboxId()).isEqualTo(before.mailboxId());
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.flags(i)).isEqualTo(before.flags(i));
        }
        assertThat(after.highestModSeq()).isGreaterThanOrEqualTo(before.highestModSeq());
    }

    @Test
    void aMissingIndexIsRebuiltWithTheSameUidsAndFlags() throws IOException {
        MailboxSnapshot before = populate();
        store.close();
        store = null;
        Path root = MaildirFixture.root(dataDir);
        Files.delete(root.resolve(IndexFile.FILE));
        Files.deleteIfExists(root.resolve(ChangeLog.FILE));
        UserMailboxes alice = open();
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            MailboxSnapshot after = inbox.snapshot();
            assertSameMessages(before, after);
            assertThat(after.highestModSeq()).isGreaterThan(before.highestModSeq());
            // history before the rebuild is gone, and the store says so rather than answering wrongly
            assertThat(inbox.expungedSince(before.highestModSeq() - 1)).isNull();
            assertThat(inbox.append(List.of(NewMessage.of("Subject: x\r\n\r\n".getBytes(), Flags.NONE, null)))
                    .uids()).containsExactly(6);
        }
    }

    @Test
    void aCheckpointOfAnotherVersionIsIgnoredAndTheIndexRebuilt() throws IOException {
        MailboxSnapshot before = populate();
        store.close();
        store = null;
        Path index = MaildirFixture.root(dataDir).resolve(IndexFile.FILE);
        for (int version : new int[] {1, IndexFile.VERSION + 1}) {
            byte[] b = Files.readAllBytes(index);
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b);
            bb.putInt(4, version);
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(b, 0, b.length - 4);
            bb.putInt(b.length - 4, (int) crc.getValue());
            Files.write(index, b);
            assertThat(IndexFile.read(MaildirFixture.root(dataDir))).isNull();
            assertThat(IndexFile.usage(MaildirFixture.root(dataDir))).isNull();
            try (Mailbox inbox = open().open(MailboxName.INBOX, false)) {
                assertSameMessages(before, inbox.snapshot());
            }
            store.close();
            store = null;
            IndexFile.Loaded rewritten = IndexFile.read(MaildirFixture.root(dataDir));
            if (rewritten != null) {
                assertThat(rewritten.index().size()).isEqualTo(before.size());
            }
        }
    }

    @Test
    void aDamagedIndexIsRebuilt() throws IOException {
        MailboxSnapshot before = populate();
        store.close();
        store = null;
        Path index = MaildirFixture.root(dataDir).resolve(IndexFile.FILE);
        byte[] b = Files.readAllBytes(index);
        b[b.length / 2] ^= 0x5a;
        Files.write(index, b);
        try (Mailbox inbox = open().open(MailboxName.INBOX, false)) {
            assertSameMessages(before, inbox.snapshot());
        }
    }

    @Test
    void aTornLogTailIsCutOffAndTheRestReplayed() throws IOException {
        UserMailboxes alice = open();
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            inbox.append(List.of(NewMessage.of("Subject: a\r\n\r\n".getBytes(), Flags.NONE, null)));
        }
        store.close();
        store = null;
        Path log = MaildirFixture.root(dataDir).resolve(ChangeLog.FILE);
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {0, 0, 0, 40, 1, 2, 3}));
        }
        try (Mailbox inbox = open().open(MailboxName.INBOX, false)) {
            assertThat(inbox.snapshot().uidSet()).isEqualTo(UidSet.of(1));
            assertThat(inbox.append(List.of(NewMessage.of("Subject: b\r\n\r\n".getBytes(), Flags.NONE, null)))
                    .uids()).containsExactly(2);
        }
        try (Mailbox inbox = open().open(MailboxName.INBOX, false)) {
            assertThat(inbox.snapshot().uidSet()).isEqualTo(UidSet.range(1, 2));
        }
    }

    @Test
    void withoutUidlistOrIndexEveryMessageIsKeptUnderANewUidValidity() throws IOException {
        MailboxSnapshot before = populate();
        store.close();
        store = null;
        Path root = MaildirFixture.root(dataDir);
        for (String f : List.of(IndexFile.FILE, ChangeLog.FILE, UidList.FILE)) {
            Files.deleteIfExists(root.resolve(f));
        }
        try (Mailbox inbox = open().open(MailboxName.INBOX, false)) {
            MailboxSnapshot after = inbox.snapshot();
            assertThat(after.size()).isEqualTo(before.size());
            assertThat(after.uidValidity()).isNotEqualTo(before.uidValidity());
            assertThat(after.flags(1)).isEqualTo(before.flags(1));
        }
        assertThat(Files.readString(root.resolve(UidList.FILE))).startsWith("3 V");
    }

    @Test
    void aLostUidlistIsRewrittenFromTheIndex() throws IOException {
        MailboxSnapshot before = populate();
        store.close();
        store = null;
        Path root = MaildirFixture.root(dataDir);
        Files.delete(root.resolve(UidList.FILE));
        try (Mailbox inbox = open().open(MailboxName.INBOX, false)) {
            assertSameMessages(before, inbox.snapshot());
            inbox.append(List.of(NewMessage.of("Subject: x\r\n\r\n".getBytes(), Flags.NONE, null)));
        }
        String uidlist = Files.readString(root.resolve(UidList.FILE));
        assertThat(uidlist).startsWith("3 V" + before.uidValidity() + " ");
        assertThat(uidlist.lines().filter(l -> !l.startsWith("3 V"))).hasSize(4);
    }

    @Test
    void aFlagChangeLoggedBeforeACrashReachesTheFileName() throws IOException {
        UserMailboxes alice = open();
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            inbox.append(List.of(NewMessage.of("Subject: a\r\n\r\n".getBytes(), Flags.NONE, null)));
        }
        store.close();
        store = null;
        // the state a crash leaves after the flag change was logged but before the file was renamed
        Path root = MaildirFixture.root(dataDir);
        long generation = IndexFile.read(root).header().generation;
        try (ChangeLog log = ChangeLog.open(root, generation, new Fsync(true), c -> { })) {
            log.append(new Change.FlagsSet(1_000_000, new int[] {1}, new int[] {Flags.SEEN}, new String[] {""}));
            log.sync();
        }
        try (Mailbox inbox = open().open(MailboxName.INBOX, false)) {
            assertThat(inbox.meta(1).flags().has(Flags.SEEN)).isTrue();
            assertThat(inbox.snapshot().highestModSeq()).isEqualTo(1_000_000);
        }
        store.close();
        store = null;
        assertThat(MaildirFixture.names(root.resolve("cur")).get(0)).endsWith(":2,S");
    }

    @Test
    void aUidlistThatLostLinesInACrashIsCompletedFromTheLog() throws IOException {
        MailboxSnapshot before = populate();
        store.close();
        store = null;
        Path uidlist = MaildirFixture.root(dataDir).resolve(UidList.FILE);
        String header = Files.readAllLines(uidlist).get(0);
        try (FileChannel ch = FileChannel.open(uidlist, StandardOpenOption.WRITE)) {
            ch.truncate(header.length() + 1); // same file, the appended lines gone
        }
        try (Mailbox inbox = open().open(MailboxName.INBOX, false)) {
            assertSameMessages(before, inbox.snapshot());
        }
        List<String> lines = Files.readAllLines(uidlist);
        assertThat(lines.get(0)).startsWith("3 V" + before.uidValidity() + " ");
        assertThat(lines.subList(1, lines.size())).hasSize(before.size());
    }
}
