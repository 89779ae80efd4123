package org.poststelle.core.auth.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;
import org.poststelle.core.auth.AuthConfig;
import org.poststelle.core.auth.AuthContext;
import org.poststelle.core.auth.AuthResult;
import org.poststelle.core.auth.PasswdFileAuthenticator;
import org.poststelle.core.auth.Protocol;

/** PLAIN and LOGIN exchanges against a real authenticator over a temporary passwd-file. */
class SaslMechanismsTest {
    static Path dir;
    static PasswdFileAuthenticator auth;
    static final AuthContext CTX = new AuthContext(Protocol.IMAP, InetAddress.getLoopbackAddress(), true, "PLAIN");

    @BeforeContainer
    @org.junit.jupiter.api.BeforeAll
    static void start() throws Exception {
        if (auth != null) {
            return;
        }
        dir = Files.createTempDirectory("sasl-test");
        Path users = dir.resolve("users");
        Files.writeString(users, "tim@example.com:{PLAIN}tanstaaftanstaaf\nmäx@example.com:{PLAIN}pässwörd\n");
        auth = PasswdFileAuthenticator.open(AuthConfig.of(users).withoutFailureDelay());
    }

    @AfterContainer
    @org.junit.jupiter.api.AfterAll
    static void stop() throws Exception {
        if (auth != null) {
            auth.close();
            auth = null;
            Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static SaslStep step(SaslExchange e, byte[] response) {
        return e.respond(response).toCompletableFuture().join();
    }

    @Test
    void defaultsArePlainThenLogin() {
        assertThat(SaslMechanisms.defaults()).extracting(SaslMechanism::name).containsExactly("PLAIN", "LOGIN");
        assertThat(SaslMechanisms.defaults()).allMatch(SaslMechanism::plaintext);
        assertThat(SaslMechanisms.find(SaslMechanisms.defaults(), "login")).containsSame(LoginMechanism.INSTANCE);
        assertThat(SaslMechanisms.find(SaslMechanisms.defaults(), "CRAM-MD5")).isEmpty();
    }

    @Test
    void plainWithInitialResponse() {
        SaslExchange e = PlainMechanism.INSTANCE.start(auth, CTX);
        SaslStep s = step(e, b("\0tim@example.com\0tanstaaftanstaaf"));
        assertThat(s).isInstanceOfSatisfying(SaslStep.Done.class,
                d -> assertThat(d.result()).isInstanceOf(AuthResult.Success.class));
    }

    @Test
    void plainAfterTheEmptyChallenge() {
        SaslExchange e = PlainMechanism.INSTANCE.start(auth, CTX);
        assertThat(e.initialChallenge()).isEmpty();
        assertThat(step(e, b("mäx@example.com\0Mäx@Example.com\0pässwörd"))).isInstanceOfSatisfying(SaslStep.Done.class,
                d -> assertThat(d.result()).isInstanceOf(AuthResult.Success.class));
    }

    @Test
    void plainWithAnotherAuthorizationIdentityFails() {
        SaslExchange e = PlainMechanism.INSTANCE.start(auth, CTX);
        assertThat(step(e, b("admin@example.com\0tim@example.com\0tanstaaftanstaaf")))
                .isEqualTo(new SaslStep.Done(new AuthResult.Failure()));
    }

    @Test
    void plainWithAWrongPasswordFails() {
        SaslExchange e = PlainMechanism.INSTANCE.start(auth, CTX);
        assertThat(step(e, b("\0tim@example.com\0nope"))).isEqualTo(new SaslStep.Done(new AuthResult.Failure()));
    }

    @Test
    void malformedPlainMessages() {
        for (byte[] bad : new byte[][] {b(""), b("tim"), b("\0tim"), b("\0tim\0pw\0x"), b("\0\0pw"),
            {0, 't', 0, (byte) 0xff, (byte) 0xfe}}) {
            assertThat(step(PlainMechanism.INSTANCE.start(auth, CTX), bad)).isInstanceOf(SaslStep.Malformed.class);
        }
    }

    @Test
    void plainAcceptsOneMessageOnly() {
        SaslExchange e = PlainMechanism.INSTANCE.start(auth, CTX);
        step(e, b("\0tim@example.com\0nope"));
        assertThat(step(e, b("\0tim@example.com\0tanstaaftanstaaf"))).isInstanceOf(SaslStep.Malformed.class);
    }

    @Test
    void loginAsksForUserNameThenPassword() {
        SaslExchange e = LoginMechanism.INSTANCE.start(auth, CTX);
        assertThat(new String(e.initialChallenge(), StandardCharsets.US_ASCII)).isEqualTo("Username:");
        SaslStep s1 = step(e, b("tim@example.com"));
        assertThat(s1).isInstanceOfSatisfying(SaslStep.Challenge.class,
                c -> assertThat(new String(c.data(), StandardCharsets.US_ASCII)).isEqualTo("Password:"));
        assertThat(step(e, b("tanstaaftanstaaf"))).isInstanceOfSatisfying(SaslStep.Done.class,
                d -> assertThat(d.result()).isInstanceOf(AuthResult.Success.class));
        assertThat(step(e, b("again"))).isInstanceOf(SaslStep.Malformed.class);
    }

    @Test
    void loginWithTheUserNameAsInitialResponse() {
        SaslExchange e = LoginMechanism.INSTANCE.start(auth, CTX);
        assertThat(step(e, b("mäx@example.com"))).isInstanceOf(SaslStep.Challenge.class);
        assertThat(step(e, b("wrong"))).isEqualTo(new SaslStep.Done(new AuthResult.Failure()));
    }

    @Test
    void loginWithAnEmptyInitialResponseGetsTheUsernamePrompt() {
        SaslExchange e = LoginMechanism.INSTANCE.start(auth, CTX);
        assertThat(step(e, new byte[0])).isInstanceOfSatisfying(SaslStep.Challenge.class,
                c -> assertThat(new String(c.data(), StandardCharsets.US_ASCII)).isEqualTo("Username:"));
        assertThat(step(e, new byte[0])).isInstanceOf(SaslStep.Malformed.class);
    }

    @Test
    void loginRejectsNulAndBadUtf8InTheUserName() {
        assertThat(step(LoginMechanism.INSTANCE.start(auth, CTX), b("a\0b"))).isInstanceOf(SaslStep.Malformed.class);
        assertThat(step(LoginMechanism.INSTANCE.start(auth, CTX), new byte[] {(byte) 0xc3})).isInstanceOf(SaslStep.Malformed.class);
    }

    @Property(tries = 300)
    void randomPlainMessagesNeverThrow(@ForAll byte[] message) throws Exception {
        start();
        SaslStep s = step(PlainMechanism.INSTANCE.start(auth, CTX), message);
        assertThat(s).isNotNull();
    }

    @Property(tries = 300)
    void randomLoginExchangesNeverThrow(@ForAll byte[] first, @ForAll byte[] second) throws Exception {
        start();
        SaslExchange e = LoginMechanism.INSTANCE.start(auth, CTX);
        SaslStep s = step(e, first);
        if (s instanceof SaslStep.Challenge) {
            assertThat(step(e, second)).isNotNull();
        }
    }
}
