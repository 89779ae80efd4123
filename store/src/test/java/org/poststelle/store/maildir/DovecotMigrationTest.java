package org.poststelle.store.maildir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.store.Mailbox;
import org.poststelle.store.UserMailboxes;
import org.poststelle.store.model.FlagOp;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxInfo;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.MessageMeta;
import org.poststelle.store.model.NewMessage;
import org.poststelle.store.model.UidSet;

/**
 * A Maildir that Dovecot served is served as it is: the fixture is written by hand in the formats Dovecot
 * documents (dovecot-uidlist version 3, dovecot-keywords, subscriptions version 2, Maildir++ folder names in
 * modified UTF-7), and UIDs, UIDVALIDITY, keywords, GUIDs and POP3 UIDLs must survive.
 */
class DovecotMigrationTest {
    private static final String CRLF_MAIL = "From: a@b\r\nSubject: hi\r\n\r\nbody\r\nline2\r\n";
    private static final String LF_MAIL = "From: a@b\nSubject: lf\n\nbody\n";

    @TempDir
    Path dataDir;
    private MaildirMailStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private Path writeFixture() throws IOException {
        Path root = MaildirFixture.root(dataDir);
        for (String d : List.of("cur", "new", "tmp")) {
            Files.createDirectories(root.resolve(d));
        }
        write(root.resolve("dovecot-uidlist"), """
                3 V1795704213 N20 G111536369345086b0032000083ecc375
                3 :1795704211.M918027P12800.vm,S=34,W=39
                7 W39 S34 Gabcdef0123456789abcdef0123456789 P000000076b084595 :1795704212.M1P2.vm,S=34,W=39
                9 :1795704213.M2P2.vm,S=28,W=32
                12 :1795704214.M3P2.vm
                """);
        write(root.resolve("dovecot-keywords"), "0 $Forwarded\n1 Junk\n2 $label1\n");
        write(root.resolve("cur/1795704211.M918027P12800.vm,S=34,W=39:2,Sab"), CRLF_MAIL.replace("\r\n", "\n"));
        write(root.resolve("cur/1795704212.M1P2.vm,S=34,W=39:2,Fc"), CRLF_MAIL.replace("\r\n", "\n"));
        write(root.resolve("cur/1795704214.M3P2.vm:2,"), LF_MAIL);
        write(root.resolve("new/1795704300.M9P9.vm"), LF_MAIL);
        write(root.resolve("subscriptions"), "V\t2\n\nEntw&APw-rfe\nA\tB\n");
        write(root.resolve("dovecot.index.log"), "binary Dovecot index, ignored");
        write(root.resolve("dovecot-uidvalidity"), "6b084596");
        Path drafts = root.resolve(".Entw&APw-rfe");
        Files.createDirectories(drafts);
        write(drafts.resolve("maildirfolder"), "");
        write(drafts.resolve("dovecot-uidlist"), "3 V1795704214 N1 G201536369345086b0032000083ecc375\n");
        Path c = root.resolve(".A.B.C");
        Files.createDirectories(c.resolve("cur"));
        write(c.resolve("maildirfolder"), "");
        write(c.resolve("dovecot-uidlist"), """
                3 V1795704212 N3 G101536369345086b0032000083ecc375
                1 :1795704211.M918027P12800.vm,S=34,W=39
                2 :1795704211.M928484P12800.vm,S=34,W=39
                """);
        write(c.resolve("cur/1795704211.M918027P12800.vm,S=34,W=39:2,S"), CRLF_MAIL.replace("\r\n", "\n"));
        write(c.resolve("cur/1795704211.M928484P12800.vm,S=34,W=39:2,"), CRLF_MAIL.replace("\r\n", "\n"));
        return root;
    }

    private static void write(Path p, String s) throws IOException {
        Files.writeString(p, s, StandardCharsets.UTF_8);
    }

    private UserMailboxes open() {
        store = TestStores.open(dataDir);
        return store.forAccount(MaildirFixture.ALICE);
    }

    @Test
    void uidsUidValidityKeywordsGuidsAndUidlsAreKept() throws Exception {
        writeFixture();
        UserMailboxes alice = open();
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            MailboxSnapshot s = inbox.snapshot();
            assertThat(s.uidValidity()).isEqualTo(1795704213L);
            assertThat(s.uidSet()).isEqualTo(UidSet.parse("3,7,12,20"));
            assertThat(s.uidNext()).isEqualTo(21);
            assertThat(s.mailboxId()).isEqualTo("111536369345086b0032000083ecc375");
            MessageMeta m3 = inbox.meta(3);
            assertThat(m3.flags()).isEqualTo(Flags.parse(List.of("\\Seen", "$Forwarded", "Junk")));
            assertThat(m3.size()).isEqualTo(39);
            assertThat(m3.emailId()).matches("[0-9a-f]{32}");
            MessageMeta m7 = inbox.meta(7);
            assertThat(m7.flags()).isEqualTo(Flags.parse(List.of("\\Flagged", "$label1")));
            assertThat(m7.pop3Uidl()).isEqualTo("000000076b084595");
            assertThat(m7.emailId()).isEqualTo("abcdef0123456789abcdef0123456789");
            assertThat(inbox.meta(12).size()).isEqualTo(LF_MAIL.length() + 4);
            try (var in = inbox.content(3).open()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(CRLF_MAIL);
            }
            assertThat(inbox.claimRecent()).isEqualTo(UidSet.of(20));
        }
    }

    @Test
    void foldersAndSubscriptionsAreDecoded() throws Exception {
        writeFixture();
        UserMailboxes alice = open();
        Map<String, MailboxInfo> l = alice.list().stream()
                .collect(Collectors.toMap(i -> i.name().name(), Function.identity()));
        assertThat(l.get("Entwürfe").selectable()).isTrue();
        assertThat(l.get("A").selectable()).isFalse();
        assertThat(l.get("A/B").selectable()).isFalse();
        assertThat(l.get("A/B").hasChildren()).isTrue();
        assertThat(l.get("A/B/C").selectable()).isTrue();
        assertThat(l.get("Entwürfe").specialUse()).contains(org.poststelle.store.model.SpecialUse.DRAFTS);
        assertThat(alice.subscriptions()).containsExactlyInAnyOrder(MailboxName.of("Entwürfe"), MailboxName.of("A/B"));
        assertThat(alice.status(MailboxName.of("A/B/C")).uidValidity()).isEqualTo(1795704212L);
        assertThat(alice.status(MailboxName.of("A/B/C")).uidNext()).isEqualTo(3);
        assertThat(alice.status(MailboxName.of("Entwürfe")).uidValidity()).isEqualTo(1795704214L);
        // the migrated account had no Sent: the special folders are created on the first login
        assertThat(l).containsKeys("Sent", "Trash", "Junk", "Archive").doesNotContainKey("Drafts");
    }

    @Test
    void newMailAndChangesAreWrittenTheWayDovecotReadsThem() throws Exception {
        Path root = writeFixture();
        UserMailboxes alice = open();
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            long uid = inbox.append(List.of(NewMessage.of(CRLF_MAIL.getBytes(StandardCharsets.US_ASCII),
                    Flags.parse(List.of("$label1", "NewKeyword")), null))).uids()[0];
            assertThat(uid).isEqualTo(21);
            inbox.updateFlags(UidSet.of(3), FlagOp.REMOVE, Flags.parse(List.of("Junk")), -1);
        }
        store.close();
        store = null;
        List<String> uidlist = Files.readAllLines(root.resolve("dovecot-uidlist"));
        assertThat(uidlist.get(0)).startsWith("3 V1795704213 ").contains("G111536369345086b0032000083ecc375");
        String newLine = uidlist.stream().filter(l -> l.startsWith("21 ")).findFirst().orElseThrow();
        assertThat(newLine).matches("21 :[^ :/]+,S=39,W=39");
        assertThat(Files.readAllLines(root.resolve("dovecot-keywords")))
                .containsExactly("0 $Forwarded", "1 Junk", "2 $label1", "3 NewKeyword");
        List<String> cur = MaildirFixture.names(root.resolve("cur"));
        assertThat(cur).contains("1795704211.M918027P12800.vm,S=34,W=39:2,Sa");
        String base = newLine.substring(newLine.indexOf(':') + 1);
        assertThat(cur).contains(base + ":2,cd");
        assertThat(MaildirFixture.names(root.resolve("new"))).isEmpty();
        UserMailboxes again = open();
        try (Mailbox inbox = again.open(MailboxName.INBOX, false)) {
            assertThat(inbox.snapshot().uidSet()).isEqualTo(UidSet.parse("3,7,12,20,21"));
            assertThat(inbox.meta(21).flags().keywords()).containsExactly("$label1", "NewKeyword");
        }
    }

    @Test
    void aDovecotLdaDeliveringAtTheSameTimeKeepsItsUids() throws Exception {
        Path root = writeFixture();
        UserMailboxes alice = open();
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            inbox.snapshot();
            // what dovecot-lda does: under the uidlist dot lock, file into new/ and a uidlist line with its UID
            try (DotLock.Held lock = DotLock.acquire(root, java.time.Duration.ofSeconds(5))) {
                write(root.resolve("tmp/1795709999.M5P5.lda"), LF_MAIL);
                Files.move(root.resolve("tmp/1795709999.M5P5.lda"), root.resolve("new/1795709999.M5P5.lda"));
                Files.writeString(root.resolve("dovecot-uidlist"), "40 :1795709999.M5P5.lda\n",
                        java.nio.file.StandardOpenOption.APPEND);
            }
            org.awaitility.Awaitility.await().atMost(TestStores.patience())
                    .until(() -> inbox.snapshot().uidSet().contains(40));
            long next = inbox.append(List.of(NewMessage.of(CRLF_MAIL.getBytes(StandardCharsets.US_ASCII),
                    Flags.NONE, null))).uids()[0];
            assertThat(next).isEqualTo(41);
        }
    }

    @Test
    void courierStyleVersion1UidlistIsRead() throws Exception {
        Path root = MaildirFixture.root(dataDir);
        for (String d : List.of("cur", "new", "tmp")) {
            Files.createDirectories(root.resolve(d));
        }
        write(root.resolve("dovecot-uidlist"), "1 1234567 9\n2 1600000000.abc.host\n5 1600000001.def.host:2,S\n");
        write(root.resolve("cur/1600000000.abc.host:2,"), LF_MAIL);
        write(root.resolve("cur/1600000001.def.host:2,S"), LF_MAIL);
        UserMailboxes alice = open();
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            MailboxSnapshot s = inbox.snapshot();
            assertThat(s.uidValidity()).isEqualTo(1234567);
            assertThat(s.uidSet()).isEqualTo(UidSet.parse("2,5"));
            assertThat(s.uidNext()).isEqualTo(9);
            List<Boolean> seen = new ArrayList<>();
            inbox.meta(UidSet.range(1, 10), m -> seen.add(m.flags().has(Flags.SEEN)));
            assertThat(seen).containsExactly(false, true);
        }
        assertThat(Files.readAllLines(root.resolve("dovecot-uidlist")).get(0)).startsWith("3 V1234567 N9 G");
    }
}
