package org.poststelle.core.auth.passwd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountDatabaseTest {
    @TempDir
    Path dir;

    AccountDatabase db(String content, String domain) throws Exception {
        Path users = dir.resolve("users");
        Files.writeString(users, content);
        return new AccountDatabase(users, domain, Duration.ZERO);
    }

    @Test
    void bareLoginsTryTheDefaultDomainFirstThenTheBareName() throws Exception {
        AccountDatabase db = db("bob@example.com:{PLAIN}1\nbob:{PLAIN}2\ncarl:{PLAIN}3\n", "Example.COM");
        assertThat(db.find("bob").orElseThrow().account().username()).isEqualTo("bob@example.com");
        assertThat(db.find("carl").orElseThrow().account().username()).isEqualTo("carl");
        assertThat(db.find("carl@example.com")).isEmpty();
        assertThat(db.find("bob@other.org")).isEmpty();
    }

    @Test
    void withoutADefaultDomainNamesMatchExactlyButCaseInsensitively() throws Exception {
        AccountDatabase db = db("Bob@Example.com:{PLAIN}1\nbob:{PLAIN}2\n", "");
        assertThat(db.find("BOB@EXAMPLE.COM").orElseThrow().account().username()).isEqualTo("bob@example.com");
        assertThat(db.find("bob").orElseThrow().account().domain()).isEmpty();
    }

    @Test
    void theFirstOfDuplicateLinesCounts() throws Exception {
        AccountDatabase db = db("a:{PLAIN}first\nA:{PLAIN}second\n", "");
        assertThat(db.find("a").orElseThrow().password().orElseThrow().verify("first")).isTrue();
    }

    @Test
    void unusableLinesAreKnownButCannotLogIn() throws Exception {
        AccountDatabase db = db("nopw\nempty:\nodd:{WHAT}x\nbadpolicy:{PLAIN}x::::::quota_bytes=lots\nok:{PLAIN}x\n", "");
        for (String name : new String[] {"nopw", "empty", "odd", "badpolicy"}) {
            assertThat(db.find(name).orElseThrow().usable()).as(name).isFalse();
        }
        assertThat(db.find("ok").orElseThrow().usable()).isTrue();
    }

    @Test
    void malformedLoginNamesFindNothing() throws Exception {
        AccountDatabase db = db("a:{PLAIN}x\n", "");
        for (String login : new String[] {"", "a b", "a:b", "a\u0000", "#a", "x".repeat(300)}) {
            assertThat(db.find(login)).as(login).isEmpty();
        }
    }

    @Test
    void changesArePickedUpAndAtomicReplacementsToo() throws Exception {
        AccountDatabase db = db("a:{PLAIN}x\n", "");
        assertThat(db.find("b")).isEmpty();
        Files.writeString(dir.resolve("users"), "a:{PLAIN}x\nb:{PLAIN}y\n");
        assertThat(db.find("b")).isPresent();
        Path tmp = dir.resolve("users.new");
        Files.writeString(tmp, "c:{PLAIN}z\n");
        Files.move(tmp, dir.resolve("users"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        assertThat(db.find("b")).isEmpty();
        assertThat(db.find("c")).isPresent();
    }

    @Test
    void theFileIsStatedAtMostOncePerInterval() throws Exception {
        Path users = dir.resolve("users");
        Files.writeString(users, "a:{PLAIN}x\n");
        AccountDatabase db = new AccountDatabase(users, "", Duration.ofHours(1));
        assertThat(db.find("a")).isPresent();
        Files.writeString(users, "b:{PLAIN}x\n");
        assertThat(db.find("b")).isEmpty();
        db.checkNow();
        assertThat(db.find("b")).isPresent();
    }

    @Test
    void theDefaultIntervalPicksUpEditsWithinSeconds() throws Exception {
        Path users = dir.resolve("users");
        Files.writeString(users, "a:{PLAIN}x\n");
        AccountDatabase db = new AccountDatabase(users, "", Duration.ofSeconds(1));
        assertThat(db.find("a")).isPresent();
        Files.writeString(users, "a:{PLAIN}x\nb:{PLAIN}y\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> db.find("b").isPresent());
    }

    @Test
    void aMissingFileIsUnavailableAndRecovers() throws Exception {
        Path users = dir.resolve("users");
        AccountDatabase db = new AccountDatabase(users, "", Duration.ZERO);
        assertThatThrownBy(() -> db.find("a")).isInstanceOf(AccountDatabase.UnavailableException.class)
                .hasMessageContaining("does not exist");
        assertThat(db.anyPlaintext()).isFalse();
        Files.writeString(users, "a:{PLAIN}x\n");
        assertThat(db.find("a")).isPresent();
        assertThat(db.anyPlaintext()).isTrue();
    }

    @Test
    void windowsLineEndsAndStrayBytesAreTolerated() throws Exception {
        Path users = dir.resolve("users");
        Files.write(users, "a:{PLAIN}x\r\n# caf\u00e9 in latin-1: \r\nb:{PLAIN}y\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        AccountDatabase db = new AccountDatabase(users, "", Duration.ZERO);
        assertThat(db.find("a").orElseThrow().password().orElseThrow().verify("x")).isTrue();
        assertThat(db.find("b").orElseThrow().password().orElseThrow().verify("y")).isTrue();
    }
}
