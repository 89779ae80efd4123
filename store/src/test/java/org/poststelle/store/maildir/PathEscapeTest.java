package org.poststelle.store.maildir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.core.auth.Account;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.store.Mailbox;
import org.poststelle.store.StoreException;
import org.poststelle.store.UserMailboxes;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.UidSet;

/** No mailbox name and no account name reaches outside the account's Maildir. */
class PathEscapeTest {
    @TempDir
    Path dataDir;
    private MaildirMailStore store;
    private UserMailboxes alice;

    @BeforeEach
    void open() {
        store = TestStores.open(dataDir);
        alice = store.forAccount(MaildirFixture.ALICE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static void assertInvalid(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isIn(StoreException.Reason.INVALID_NAME, StoreException.Reason.NOT_FOUND));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../x", "a/../../b", "/abs", "a//b", "a/", ".hidden", "a/.b", "a/..", "x\u0000y",
        "tab\there", "back\\slash", "a..b", "./a", "cur", "INBOX/../../etc"})
    void badNamesAreRefusedBeforeTouchingTheDisk(String raw) throws Exception {
        Set<String> before = listAll();
        for (Runnable op : List.<Runnable>of(
                () -> alice.create(MailboxName.of(raw), Set.of()),
                () -> alice.create(new MailboxName(raw), Set.of()),
                () -> alice.open(new MailboxName(raw), false),
                () -> alice.delete(new MailboxName(raw)),
                () -> alice.rename(MailboxName.of("Sent"), new MailboxName(raw)),
                () -> alice.status(new MailboxName(raw)),
                () -> alice.subscribe(new MailboxName(raw), true))) {
            try {
                op.run();
                // "cur" is an ordinary name: stored as ".cur", never as the cur/ directory
                assertThat(raw).isEqualTo("cur");
            } catch (StoreException e) {
                assertThat(e.reason()).isIn(StoreException.Reason.INVALID_NAME, StoreException.Reason.NOT_FOUND,
                        StoreException.Reason.ALREADY_EXISTS);
            }
        }
        Set<String> after = listAll();
        after.removeAll(before);
        String root = MaildirFixture.root(dataDir).toString();
        assertThat(after).allMatch(p -> p.startsWith(root + "/.") || p.equals(root + "/subscriptions"));
    }

    @Test
    void overlongNamesAreRefused() {
        assertInvalid(() -> alice.create(MailboxName.of("x".repeat(300)), Set.of()));
        String level = "é".repeat(60);
        assertInvalid(() -> alice.create(MailboxName.of(level + "/" + level + "/" + level), Set.of()));
        assertInvalid(() -> alice.create(MailboxName.of(String.join("/", java.util.Collections.nCopies(40, "d"))),
                Set.of()));
    }

    @Test
    void copyAndMoveTargetsAreCheckedToo() {
        try (Mailbox inbox = alice.open(MailboxName.INBOX, false)) {
            assertInvalid(() -> inbox.copyTo(UidSet.of(1), new MailboxName("../../other/Maildir")));
            assertInvalid(() -> inbox.moveTo(UidSet.of(1), new MailboxName("/etc")));
        }
    }

    @Test
    void aSymlinkPlantedInTheMaildirIsNotFollowed() throws Exception {
        Path outside = Files.createDirectories(dataDir.resolve("outside/cur"));
        Files.createDirectories(dataDir.resolve("outside/new"));
        Files.createSymbolicLink(MaildirFixture.root(dataDir).resolve(".Evil"), outside.getParent());
        assertThat(alice.list()).noneMatch(i -> i.name().name().equals("Evil"));
        assertInvalid(() -> alice.open(MailboxName.of("Evil"), false));
        assertInvalid(() -> alice.delete(MailboxName.of("Evil")));
        assertThat(Files.exists(outside)).isTrue();
    }

    @Test
    void accountNamesCannotNameAnotherDirectory() {
        for (String bad : List.of("..", "a/b", ".")) {
            Account evil = new Account(bad + "@example.org", bad, "example.org", Optional.empty(),
                    AccountPolicy.DEFAULT);
            assertThatThrownBy(() -> store.forAccount(evil)).isInstanceOf(StoreException.class);
            Account evilDomain = new Account("x@" + bad, "x", bad, Optional.empty(), AccountPolicy.DEFAULT);
            assertThatThrownBy(() -> store.forAccount(evilDomain)).isInstanceOf(StoreException.class);
        }
    }

    private Set<String> listAll() throws Exception {
        try (Stream<Path> s = Files.walk(dataDir)) {
            return s.map(Path::toString).collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
        }
    }
}
