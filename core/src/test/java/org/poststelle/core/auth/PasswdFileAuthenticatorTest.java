package org.poststelle.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.core.auth.hash.PasswordSchemes;
import org.poststelle.core.net.Cidr;

class PasswdFileAuthenticatorTest {
    static final String BOB_HASH = "{SHA512-CRYPT}$6$rounds=10000$4x705clZW45Km/Z0$KYR5LvioPgpo8gRJgSbqwwIkiz1LJ1kvLWun36E"
            + ".eQTTxHsCBXmO/hcPUkJm2VqesbomY9ERm5oawg7m3Yksw0"; // "secret", from doveadm pw

    @TempDir
    Path dir;
    Path users;
    final ManualTime time = new ManualTime();
    PasswdFileAuthenticator auth;
    InetAddress client;

    @BeforeEach
    void setUp() throws Exception {
        users = dir.resolve("users");
        Files.writeString(users, String.join("\n",
                "# test accounts",
                "alice@example.com:{PLAIN}wonderland::::::",
                "bob@example.com:" + BOB_HASH + "::::/srv/bob::protocols=pop3 quota_bytes=1G",
                "carol@example.com:{PLAIN}secret::::::nologin",
                "dave:{PLAIN}bare",
                "erin@example.com:{PLAIN}secret::::::allow_nets=10.0.0.0/8",
                "frank@example.com:{NOSUCH}xyz",
                ""));
        client = InetAddress.getByName("198.51.100.20");
        auth = build(config());
    }

    AuthConfig config() {
        AuthConfig.FailureDelay delay = new AuthConfig.FailureDelay(Duration.ofSeconds(2), Duration.ofSeconds(16),
                Duration.ofMinutes(15), 5, List.of());
        return AuthConfig.of(users).withDefaultDomain("example.com").withDefaultScheme("SHA512-CRYPT")
                .withFailureDelay(delay);
    }

    PasswdFileAuthenticator build(AuthConfig config) {
        return new PasswdFileAuthenticator(config, time, time, Duration.ZERO);
    }

    @AfterEach
    void tearDown() {
        auth.close();
    }

    AuthContext ctx(Protocol p) {
        return new AuthContext(p, client, true, "PLAIN");
    }

    /** Waits for the hash, not for the failure delay: the manual clock does not move by itself. */
    static CompletableFuture<AuthResult> settle(CompletionStage<AuthResult> stage) {
        return stage.toCompletableFuture();
    }

    /** Logs in; a failure answer is released by moving the manual clock past its delay. */
    AuthResult login(String user, String password, Protocol p) {
        int before = time.requestedDelays().size();
        CompletableFuture<AuthResult> f = settle(auth.authenticate(user, password, ctx(p)));
        await().atMost(Duration.ofSeconds(20)).until(() -> f.isDone() || time.requestedDelays().size() > before);
        if (!f.isDone()) {
            time.advance(time.lastDelay());
        }
        return f.join();
    }

    @Test
    void rightPasswordsSucceedWithTheAccount() {
        AuthResult r = login("alice@example.com", "wonderland", Protocol.IMAP);
        assertThat(r).isInstanceOf(AuthResult.Success.class);
        Account a = ((AuthResult.Success) r).account();
        assertThat(a.username()).isEqualTo("alice@example.com");
        assertThat(a.localPart()).isEqualTo("alice");
        assertThat(a.domain()).isEqualTo("example.com");

        AuthResult b = login("bob@example.com", "secret", Protocol.POP3);
        Account bob = ((AuthResult.Success) b).account();
        assertThat(bob.home()).hasValue("/srv/bob");
        assertThat(bob.policy().quotaBytes()).isEqualTo(1L << 30);
    }

    @Test
    void loginNamesAreCaseInsensitiveAndBareNamesGetTheDefaultDomain() {
        assertThat(login("ALICE@Example.COM", "wonderland", Protocol.IMAP)).isInstanceOf(AuthResult.Success.class);
        assertThat(login("alice", "wonderland", Protocol.IMAP)).isInstanceOf(AuthResult.Success.class);
        // a bare name in the file is found when name@default_domain is not
        AuthResult d = login("Dave", "bare", Protocol.IMAP);
        assertThat(((AuthResult.Success) d).account().username()).isEqualTo("dave");
        assertThat(((AuthResult.Success) d).account().domain()).isEqualTo("example.com");
        // the password is not case-insensitive
        assertThat(login("alice", "Wonderland", Protocol.IMAP)).isInstanceOf(AuthResult.Failure.class);
    }

    @Test
    void everyKindOfFailureLooksTheSameAndWaitsTheSame() {
        List<String[]> attempts = List.of(
                new String[] {"alice@example.com", "wrong", "IMAP"},
                new String[] {"nobody@example.com", "wonderland", "IMAP"},
                new String[] {"carol@example.com", "secret", "IMAP"},       // disabled (nologin)
                new String[] {"bob@example.com", "secret", "IMAP"},         // pop3 only
                new String[] {"erin@example.com", "secret", "IMAP"},        // allow_nets
                new String[] {"frank@example.com", "xyz", "IMAP"},          // unusable line
                new String[] {"bad user", "x", "IMAP"},
                new String[] {"", "", "IMAP"});
        for (int i = 0; i < attempts.size(); i++) {
            String[] a = attempts.get(i);
            int n = i + 1;
            // a fresh client address and account each time: the first failure's delay
            client = ip("203.0.113." + (10 + i));
            CompletableFuture<AuthResult> f = settle(auth.authenticate(a[0], a[1], ctx(Protocol.valueOf(a[2]))));
            await().atMost(Duration.ofSeconds(20)).until(() -> time.requestedDelays().size() == n);
            assertThat(f).as(a[0]).isNotDone();
            assertThat(time.lastDelay()).as(a[0]).isEqualTo(Duration.ofSeconds(2));
            time.advance(Duration.ofSeconds(2));
            assertThat(f).isCompletedWithValue(new AuthResult.Failure());
        }
    }

    @Test
    void anUnknownUserPaysAHashLikeAWrongPassword() {
        login("nobody@example.com", "x", Protocol.IMAP);
        login("alice@example.com", "x", Protocol.IMAP);
        // both failures were decided on a hash thread, after a password check
        assertThat(time.schedulingThreads()).hasSize(2).allMatch(t -> t.startsWith("auth-hash-"));
    }

    @Test
    void theDelayGrowsPerAddressAndALockedOutAddressGetsTheSameAnswerEvenForTheRightPassword() {
        for (int i = 1; i <= 5; i++) {
            assertThat(login("user" + i + "@example.com", "guess", Protocol.IMAP)).isInstanceOf(AuthResult.Failure.class);
        }
        assertThat(time.requestedDelays()).extracting(Duration::toSeconds).containsExactly(2L, 4L, 8L, 16L, 16L);
        // locked out now: the right password fails too, after the same delay
        assertThat(login("alice@example.com", "wonderland", Protocol.IMAP)).isEqualTo(new AuthResult.Failure());
        assertThat(time.lastDelay()).isEqualTo(Duration.ofSeconds(16));
        // another address is not affected
        client = ip("198.51.100.99");
        assertThat(login("alice@example.com", "wonderland", Protocol.IMAP)).isInstanceOf(AuthResult.Success.class);
        // and the lockout ends once the failures are forgotten
        client = ip("198.51.100.20");
        time.advance(Duration.ofMinutes(16));
        assertThat(login("alice@example.com", "wonderland", Protocol.IMAP)).isInstanceOf(AuthResult.Success.class);
    }

    @Test
    void aVerifiedPasswordIsCachedAndAnsweredWithoutHashing() {
        assertThat(login("bob@example.com", "secret", Protocol.POP3)).isInstanceOf(AuthResult.Success.class);
        // a cache hit completes at once, on the calling thread
        CompletableFuture<AuthResult> again = settle(auth.authenticate("bob", "secret", ctx(Protocol.POP3)));
        assertThat(again).isCompletedWithValueMatching(r -> r instanceof AuthResult.Success);
        // a wrong password is never answered from the cache
        assertThat(login("bob", "Secret", Protocol.POP3)).isInstanceOf(AuthResult.Failure.class);
        // policy is checked every time, cached or not
        assertThat(login("bob", "secret", Protocol.IMAP)).isInstanceOf(AuthResult.Failure.class);
    }

    @Test
    void theCacheExpires() {
        login("bob@example.com", "secret", Protocol.POP3);
        time.advance(Duration.ofMinutes(5));
        CompletableFuture<AuthResult> f = settle(auth.authenticate("bob", "secret", ctx(Protocol.POP3)));
        assertThat(f.join()).isInstanceOf(AuthResult.Success.class);
        assertThat(auth.cache().size()).isEqualTo(1);
    }

    @Test
    void aPasswordChangeDropsTheCachedPassword() throws Exception {
        assertThat(login("bob@example.com", "secret", Protocol.POP3)).isInstanceOf(AuthResult.Success.class);
        String newHash = PasswordSchemes.hash("SHA512-CRYPT", "n3w".toCharArray());
        Files.writeString(users, Files.readString(users).replace(BOB_HASH, newHash));
        auth.database().checkNow();
        assertThat(login("bob@example.com", "secret", Protocol.POP3)).isInstanceOf(AuthResult.Failure.class);
        assertThat(login("bob@example.com", "n3w", Protocol.POP3)).isInstanceOf(AuthResult.Success.class);
    }

    @Test
    void disablingAnAccountTakesEffectDespiteTheCache() throws Exception {
        assertThat(login("alice", "wonderland", Protocol.IMAP)).isInstanceOf(AuthResult.Success.class);
        Files.writeString(users, Files.readString(users).replace("{PLAIN}wonderland::::::", "{PLAIN}wonderland::::::nologin"));
        auth.database().checkNow();
        assertThat(login("alice", "wonderland", Protocol.IMAP)).isInstanceOf(AuthResult.Failure.class);
    }

    @Test
    void fileEditsArePickedUpWithoutRestart() throws Exception {
        try (PasswdFileAuthenticator real = PasswdFileAuthenticator.open(AuthConfig.of(users).withoutFailureDelay())) {
            AuthContext c = ctx(Protocol.IMAP);
            assertThat(real.authenticate("zoe@example.com", "pw", c).toCompletableFuture().join())
                    .isInstanceOf(AuthResult.Failure.class);
            Files.writeString(users, Files.readString(users) + "zoe@example.com:{PLAIN}pw\n");
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    real.authenticate("zoe@example.com", "pw", c).toCompletableFuture().join() instanceof AuthResult.Success);
        }
    }

    @Test
    void aMissingOrUnreadableUsersFileIsATemporaryFailure() throws Exception {
        Files.delete(users);
        auth.database().checkNow();
        assertThat(settle(auth.authenticate("alice", "wonderland", ctx(Protocol.IMAP))).join())
                .isEqualTo(new AuthResult.Temporary("account database unavailable"));
        Files.createDirectory(users); // a directory cannot be read as a file, even by root
        auth.database().checkNow();
        assertThat(settle(auth.authenticate("alice", "wonderland", ctx(Protocol.IMAP))).join())
                .isInstanceOf(AuthResult.Temporary.class);
        assertThat(time.requestedDelays()).isEmpty();
    }

    @Test
    void apopWorksForPlainPasswordsOnly() throws Exception {
        assertThat(auth.apopPossible()).isTrue();
        String challenge = "<1896.697170952@mail.example.com>";
        CompletableFuture<AuthResult> ok = settle(auth.authenticateApop("alice", challenge, apop(challenge, "wonderland"),
                new AuthContext(Protocol.POP3, client, false, "APOP")));
        assertThat(ok.join()).isInstanceOf(AuthResult.Success.class);
        // upper-case hex is accepted too
        assertThat(settle(auth.authenticateApop("alice", challenge, apop(challenge, "wonderland").toUpperCase(),
                ctx(Protocol.POP3))).join()).isInstanceOf(AuthResult.Success.class);

        CompletableFuture<AuthResult> wrong = settle(auth.authenticateApop("alice", challenge, apop(challenge, "x"), ctx(Protocol.POP3)));
        CompletableFuture<AuthResult> hashed = settle(auth.authenticateApop("bob", challenge, apop(challenge, "secret"), ctx(Protocol.POP3)));
        CompletableFuture<AuthResult> unknown = settle(auth.authenticateApop("zed", challenge, apop(challenge, "secret"), ctx(Protocol.POP3)));
        time.advance(Duration.ofMinutes(1));
        assertThat(List.of(wrong.join(), hashed.join(), unknown.join())).containsOnly(new AuthResult.Failure());
    }

    @Test
    void apopIsImpossibleWithoutPlainPasswords() throws Exception {
        Files.writeString(users, "bob@example.com:" + BOB_HASH + "\n");
        auth.database().checkNow();
        assertThat(auth.apopPossible()).isFalse();
    }

    @Test
    void theOneLinerForOtherModulesTests() throws Exception {
        Path file = dir.resolve("other-users");
        Files.writeString(file, "alice:{PLAIN}secret\nbob:" + PasswordSchemes.hash("SSHA512", "pw".toCharArray()) + "\n");
        try (PasswdFileAuthenticator a = PasswdFileAuthenticator.open(AuthConfig.of(file).withoutFailureDelay())) {
            AuthContext c = new AuthContext(Protocol.IMAP, InetAddress.getLoopbackAddress(), false, "LOGIN");
            assertThat(a.authenticate("alice", "secret", c).toCompletableFuture().join()).isInstanceOf(AuthResult.Success.class);
            assertThat(a.authenticate("bob", "pw", c).toCompletableFuture().join()).isInstanceOf(AuthResult.Success.class);
            assertThat(a.authenticate("bob", "no", c).toCompletableFuture().join()).isEqualTo(new AuthResult.Failure());
        }
    }

    @Test
    void theTrustedNetworksPolicy() {
        AuthConfig c = config();
        assertThat(c.plaintextPolicy().allows(client, false)).isFalse();
        AuthConfig trusted = new AuthConfig(c.usersFile(), "", false, List.of(Cidr.parse("198.51.100.0/24")), "ARGON2ID",
                c.failureDelay(), c.credentialsCacheTtl(), 1, 1);
        assertThat(trusted.plaintextPolicy().allows(client, false)).isTrue();
    }

    static String apop(String challenge, String password) throws Exception {
        byte[] d = MessageDigest.getInstance("MD5").digest((challenge + password).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d);
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
