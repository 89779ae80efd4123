package org.poststelle.core.auth.passwd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.core.auth.Pop3Retention;
import org.poststelle.core.auth.Protocol;

class AccountAdminTest {
    @TempDir
    Path dir;

    AccountAdmin admin(String domain) {
        return new AccountAdmin(dir.resolve("users"), domain, "SSHA512");
    }

    Optional<AccountRecord> lookup(String domain, String login) throws Exception {
        return new AccountDatabase(dir.resolve("users"), domain, Duration.ZERO).find(login);
    }

    @Test
    void theFirstAddCreatesAnOwnerOnlyFile() throws Exception {
        AccountAdmin admin = admin("");
        assertThat(admin.exists()).isFalse();
        admin.add("alice@example.com", "pw".toCharArray(), AccountPolicy.DEFAULT, Optional.empty());
        assertThat(admin.exists()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(admin.file()))).isEqualTo("rw-------");
        assertThat(Files.readString(admin.file())).startsWith("alice@example.com:{SSHA512}").endsWith("::::::\n");
        assertThat(lookup("", "alice@example.com").orElseThrow().password().orElseThrow().verify("pw")).isTrue();
        // no temporary files left behind
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("users", "users.lock");
        }
    }

    @Test
    void anExistingFileKeepsItsMode() throws Exception {
        Path users = dir.resolve("users");
        Files.writeString(users, "x:{PLAIN}y\n");
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-r-----"));
        admin("").add("z", "pw".toCharArray(), AccountPolicy.DEFAULT, Optional.empty());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(users))).isEqualTo("rw-r-----");
    }

    @Test
    void policyAndHomeRoundTripThroughTheFile() throws Exception {
        AccountPolicy policy = new AccountPolicy(EnumSet.of(Protocol.POP3), 2L << 30, 1000, new Pop3Retention.Expire(30),
                Duration.ofMinutes(5), false);
        AccountInfo added = admin("example.com").add("Bob", "pw".toCharArray(), policy, Optional.of("/srv/mail/bob"));
        assertThat(added.username()).isEqualTo("bob@example.com");
        assertThat(Files.readString(dir.resolve("users"))).contains(
                "::::/srv/mail/bob::protocols=pop3 quota_bytes=2G quota_messages=1000 pop3_retention=expire=30d login_delay=300\n");
        AccountInfo shown = admin("example.com").show("bob").orElseThrow();
        assertThat(shown.policy()).isEqualTo(policy);
        assertThat(shown.home()).hasValue("/srv/mail/bob");
        assertThat(shown.scheme()).hasValue("SSHA512");
        AccountRecord r = lookup("example.com", "BOB").orElseThrow();
        assertThat(r.account().policy()).isEqualTo(policy);
        assertThat(r.account().home()).hasValue("/srv/mail/bob");
    }

    @Test
    void editsKeepOtherLinesCommentsAndUnknownFields() throws Exception {
        Path users = dir.resolve("users");
        String before = String.join("\n",
                "# managed by hand",
                "alice@example.com:{PLAIN}a:1000:1000:Alice:/home/alice:/bin/false:userdb_mail=maildir:~/M x-flag quota_rule=*:storage=1G",
                "",
                "bob@example.com:{PLAIN}b",
                "");
        Files.writeString(users, before);
        AccountAdmin admin = admin("");
        admin.updatePolicy("alice@example.com", p -> new AccountPolicy(EnumSet.of(Protocol.IMAP), p.quotaBytes(),
                p.quotaMessages(), Pop3Retention.DELETE, p.loginDelay(), true));
        assertThat(Files.readString(users)).isEqualTo(String.join("\n",
                "# managed by hand",
                "alice@example.com:{PLAIN}a:1000:1000:Alice:/home/alice:/bin/false:userdb_mail=maildir:~/M x-flag quota_rule=*:storage=1G protocols=imap pop3_retention=delete nologin",
                "",
                "bob@example.com:{PLAIN}b",
                ""));
        AccountInfo alice = admin.show("alice@example.com").orElseThrow();
        assertThat(alice.otherFields()).containsExactly("userdb_mail=maildir:~/M", "x-flag");
        assertThat(alice.policy().quotaBytes()).isEqualTo(1L << 30);
        assertThat(alice.policy().disabled()).isTrue();

        admin.updatePolicy("alice@example.com", p -> new AccountPolicy(p.protocols(), p.quotaBytes(), p.quotaMessages(),
                p.pop3Retention(), p.loginDelay(), false));
        assertThat(admin.show("alice@example.com").orElseThrow().policy().disabled()).isFalse();
    }

    @Test
    void setPasswordChangesOnlyThePasswordField() throws Exception {
        Path users = dir.resolve("users");
        Files.writeString(users, "carol@example.com:{PLAIN}old:1:2:gecos:/h:/sh:foo=bar\n");
        AccountAdmin admin = admin("");
        admin.setPassword("carol@example.com", "n3w".toCharArray());
        PasswdEntry e = PasswdEntry.parse(Files.readString(users).strip()).orElseThrow();
        assertThat(e.password()).startsWith("{SSHA512}");
        assertThat(e.withPassword("{PLAIN}old").format()).isEqualTo("carol@example.com:{PLAIN}old:1:2:gecos:/h:/sh:foo=bar");
        assertThat(lookup("", "carol@example.com").orElseThrow().password().orElseThrow().verify("n3w")).isTrue();

        admin.setPassword("carol@example.com", "plain".toCharArray(), "PLAIN");
        assertThat(Files.readString(users)).startsWith("carol@example.com:{PLAIN}plain:");
        admin.setPasswordHash("carol@example.com", "{SHA}sac8tEAAiNdxHIeYhtpC2AHEKnM=");
        assertThat(admin.show("carol@example.com").orElseThrow().scheme()).hasValue("SHA");
    }

    @Test
    void passwordsThatCannotBeStoredAreRefused() throws Exception {
        AccountAdmin admin = admin("");
        admin.add("dan", "pw".toCharArray(), AccountPolicy.DEFAULT, Optional.empty());
        assertThatThrownBy(() -> admin.setPassword("dan", "a:b".toCharArray(), "PLAIN"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hashing scheme");
        assertThatThrownBy(() -> admin.setPasswordHash("dan", "{NOPE}x")).isInstanceOf(IllegalArgumentException.class);
        // a hashed password may contain anything
        admin.setPassword("dan", "a:b\nc".toCharArray());
        assertThat(lookup("", "dan").orElseThrow().password().orElseThrow().verify("a:b\nc")).isTrue();
    }

    @Test
    void addDeleteListShow() throws Exception {
        AccountAdmin admin = admin("example.com");
        admin.add("a", "1".toCharArray(), AccountPolicy.DEFAULT, Optional.empty());
        admin.add("b@example.org", "2".toCharArray(), AccountPolicy.DEFAULT, Optional.empty());
        assertThatThrownBy(() -> admin.add("A@EXAMPLE.COM", "x".toCharArray(), AccountPolicy.DEFAULT, Optional.empty()))
                .isInstanceOf(AccountException.Exists.class);
        assertThatThrownBy(() -> admin.add("bad name", "x".toCharArray(), AccountPolicy.DEFAULT, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(admin.list()).extracting(AccountInfo::username).containsExactly("a@example.com", "b@example.org");
        assertThat(admin.show("nobody")).isEmpty();
        admin.delete("a");
        assertThat(admin.list()).extracting(AccountInfo::username).containsExactly("b@example.org");
        assertThatThrownBy(() -> admin.delete("a")).isInstanceOf(AccountException.NotFound.class);
        assertThatThrownBy(() -> admin.setPassword("zz", "x".toCharArray())).isInstanceOf(AccountException.NotFound.class);
        assertThat(new AccountAdmin(dir.resolve("none"), "", "ARGON2ID").list()).isEmpty();
    }

    @Test
    void listShowsProblemsWithoutPasswords() throws Exception {
        Files.writeString(dir.resolve("users"), "x:{NOPE}secret-hash\ny:{PLAIN}p::::::pop3_retention=bogus\n");
        List<AccountInfo> all = admin("").list();
        assertThat(all.get(0).problem()).hasValueSatisfying(p -> assertThat(p).contains("NOPE").doesNotContain("secret-hash"));
        assertThat(all.get(1).problem()).hasValueSatisfying(p -> assertThat(p).contains("pop3_retention"));
        assertThat(all.toString()).doesNotContain("secret-hash");
        assertThatThrownBy(() -> admin("").updatePolicy("y", p -> p)).hasMessageContaining("by hand");
    }

    @Test
    void aFileThatIsNotUtf8IsNotRewritten() throws Exception {
        Path users = dir.resolve("users");
        Files.write(users, new byte[] {'u', ':', '{', 'P', 'L', 'A', 'I', 'N', '}', 'p', ':', ':', ':', (byte) 0xe9, '\n'});
        assertThatThrownBy(() -> admin("").setPassword("u", "x".toCharArray())).hasMessageContaining("UTF-8");
        assertThat(Files.readAllBytes(users)).hasSize(15);
        // the server still reads it
        assertThat(lookup("", "u")).isPresent();
    }

    @Test
    void concurrentEditsFromManyThreadsLoseNothing() throws Exception {
        AccountAdmin admin = admin("");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                fs.add(pool.submit(() -> {
                    admin("").add("user" + n, "pw".toCharArray(), AccountPolicy.DEFAULT, Optional.empty());
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(admin.list()).hasSize(40);
    }

    @Test
    void concurrentEditsFromTwoProcessesLoseNothing() throws Exception {
        Path users = dir.resolve("users");
        List<Process> procs = new ArrayList<>();
        for (String prefix : new String[] {"p", "q"}) {
            ProcessBuilder pb = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), AddAccounts.class.getName(),
                    users.toString(), prefix, "25");
            pb.redirectErrorStream(true);
            pb.redirectOutput(dir.resolve(prefix + ".log").toFile());
            procs.add(pb.start());
        }
        for (Process p : procs) {
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve(p == procs.get(0) ? "p.log" : "q.log"))).isZero();
        }
        List<AccountInfo> all = admin("").list();
        assertThat(all).hasSize(50);
        assertThat(all).extracting(AccountInfo::username).doesNotHaveDuplicates();
    }

    /** The second process of the test above: adds N accounts one by one. */
    public static final class AddAccounts {
        public static void main(String[] args) throws Exception {
            AccountAdmin admin = new AccountAdmin(Path.of(args[0]), "", "PLAIN");
            for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                admin.add(args[1] + i, ("pw" + i).toCharArray(), AccountPolicy.DEFAULT, Optional.empty());
            }
        }
    }

    @Test
    void newPasswordsUseTheConfiguredScheme() throws Exception {
        AccountAdmin admin = new AccountAdmin(dir.resolve("users"), "", "ARGON2ID");
        admin.add("eve", "pw".toCharArray(), AccountPolicy.DEFAULT, Optional.empty());
        assertThat(Files.readString(dir.resolve("users"))).startsWith("eve:{ARGON2ID}$argon2id$v=19$m=65536,t=3,p=1$");
        assertThat(admin.show("eve").orElseThrow().scheme()).hasValue("ARGON2ID");
        assertThat(lookup("", "eve").orElseThrow().password().orElseThrow().verify("pw")).isTrue();
    }
}
