package org.poststelle.pop3.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.core.config.ConfigSection;
import org.poststelle.core.net.ConnectionLimits;
import org.poststelle.pop3.Pop3Config;

/** AUTHORIZATION state: CAPA, USER/PASS, APOP, AUTH, STLS, and every reason a login is refused. */
class LoginIT {
    @TempDir
    java.nio.file.Path dir;

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void capaBeforeAndAfterLogin() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start(); LineClient c = new LineClient(server.address())) {
            assertThat(c.greeting()).startsWith("+OK Poststelle ready.");
            c.expect("CAPA", "+OK");
            List<String> before = c.readMultiLine();
            assertThat(before).contains("TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "UTF8 USER", "LANG",
                    "EXPIRE 0 USER", "LOGIN-DELAY 0 USER", "STLS", "USER", "SASL PLAIN LOGIN", "IMPLEMENTATION Poststelle");
            c.login("alice", "secret");
            c.expect("CAPA", "+OK");
            List<String> after = c.readMultiLine();
            assertThat(after).contains("TOP", "UIDL", "PIPELINING", "EXPIRE NEVER", "LOGIN-DELAY 0")
                    .doesNotContain("STLS", "USER", "SASL PLAIN LOGIN");
        }
    }

    @Test
    void userPassLoginAndWrongPassword() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start(); LineClient c = new LineClient(server.address())) {
            c.expect("PASS secret", "-ERR No username given.");
            c.expect("USER alice", "+OK");
            assertThat(c.send("PASS wrong")).isEqualTo("-ERR [AUTH] Authentication failed.");
            // the USER is forgotten after a failed PASS
            c.expect("PASS secret", "-ERR No username given.");
            c.expect("USER nobody", "+OK");
            assertThat(c.send("PASS secret")).isEqualTo("-ERR [AUTH] Authentication failed.");
            c.login("alice", "secret");
            c.expect("STAT", "+OK 0 0");
        }
    }

    @Test
    void tooManyFailedLoginsCloseTheConnection() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start(); LineClient c = new LineClient(server.address())) {
            for (int i = 0; i < 3; i++) {
                c.expect("USER alice", "+OK");
                assertThat(c.send("PASS wrong" + i)).isEqualTo("-ERR [AUTH] Authentication failed.");
            }
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void apopWithTheGreetingTimestamp() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start(); LineClient c = new LineClient(server.address())) {
            Matcher m = Pattern.compile("<[^>]+@[^>]+>").matcher(c.greeting());
            assertThat(m.find()).as("APOP timestamp in %s", c.greeting()).isTrue();
            byte[] digest = MessageDigest.getInstance("MD5").digest((m.group() + "secret").getBytes(StandardCharsets.UTF_8));
            assertThat(c.send("APOP alice " + "0".repeat(32))).startsWith("-ERR [AUTH]");
            c.expect("APOP alice " + HexFormat.of().formatHex(digest), "+OK");
            c.expect("STAT", "+OK");
        }
    }

    @Test
    void saslPlainWithAndWithoutInitialResponse() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start()) {
            try (LineClient c = new LineClient(server.address())) {
                c.expect("AUTH PLAIN " + b64("\0alice\0secret"), "+OK");
                c.expect("STAT", "+OK");
            }
            try (LineClient c = new LineClient(server.address())) {
                assertThat(c.send("AUTH PLAIN")).isEqualTo("+ ");
                c.expect(b64("\0alice\0secret"), "+OK");
            }
            try (LineClient c = new LineClient(server.address())) {
                assertThat(c.send("AUTH PLAIN " + b64("\0alice\0wrong"))).isEqualTo("-ERR [AUTH] Authentication failed.");
                assertThat(c.send("AUTH PLAIN =")).startsWith("-ERR [AUTH]");
            }
        }
    }

    @Test
    void saslLoginAbortAndBadBase64() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start(); LineClient c = new LineClient(server.address())) {
            assertThat(c.send("AUTH LOGIN")).isEqualTo("+ " + b64("Username:"));
            assertThat(c.send(b64("alice"))).isEqualTo("+ " + b64("Password:"));
            c.expect(b64("secret"), "+OK");
        }
        try (Pop3TestServer server = Pop3TestServer.builder(dir.resolve("2")).start();
                LineClient c = new LineClient(server.address())) {
            c.expect("AUTH LOGIN", "+ ");
            c.expect("*", "-ERR Authentication aborted.");
            c.expect("AUTH PLAIN", "+ ");
            c.expect("not base64!", "-ERR Invalid base64 data.");
            c.expect("AUTH CRAM-MD5", "-ERR Unsupported authentication mechanism.");
            c.expect("AUTH", "+OK");
            assertThat(c.readMultiLine()).containsExactly("PLAIN", "LOGIN");
            c.expect("NOOP", "+OK"); // back in AUTHORIZATION, reading commands
        }
    }

    @Test
    void accountWithoutPop3IsRefusedLikeAWrongPassword() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).user("dave:{PLAIN}secret::::::protocols=imap").start();
                LineClient c = new LineClient(server.address())) {
            c.expect("USER dave", "+OK");
            assertThat(c.send("PASS secret")).isEqualTo("-ERR [AUTH] Authentication failed.");
            assertThat(c.send("AUTH PLAIN " + b64("\0dave\0secret"))).isEqualTo("-ERR [AUTH] Authentication failed.");
        }
    }

    @Test
    void plaintextIsRefusedWithoutTlsUntilStls() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).plaintextWithoutTls(false).start();
                LineClient c = new LineClient(server.address())) {
            c.expect("CAPA", "+OK");
            assertThat(c.readMultiLine()).contains("STLS").doesNotContain("USER").noneMatch(l -> l.startsWith("SASL"));
            assertThat(c.send("USER alice")).isEqualTo(
                    "-ERR [AUTH] Plaintext authentication disallowed on non-secure connections; use STLS.");
            assertThat(c.send("PASS secret")).startsWith("-ERR");
            assertThat(c.send("AUTH PLAIN " + b64("\0alice\0secret"))).startsWith("-ERR [AUTH] Plaintext");
            c.expect("AUTH", "+OK");
            assertThat(c.readMultiLine()).isEmpty();
            c.expect("STAT", "-ERR");

            c.expect("STLS", "+OK Begin TLS negotiation now.");
            c.startTls(server.clientTls());
            c.expect("CAPA", "+OK");
            assertThat(c.readMultiLine()).contains("USER", "SASL PLAIN LOGIN").doesNotContain("STLS");
            c.expect("STLS", "-ERR TLS is already active.");
            c.login("alice", "secret");
            c.expect("STAT", "+OK");
        }
    }

    @Test
    void implicitTlsAllowsPlaintextLogin() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).plaintextWithoutTls(false).start();
                LineClient c = new LineClient(new java.net.InetSocketAddress("127.0.0.1", server.tlsPort()),
                        server.clientTls())) {
            assertThat(c.greeting()).startsWith("+OK");
            c.expect("CAPA", "+OK");
            assertThat(c.readMultiLine()).contains("USER").doesNotContain("STLS");
            c.login("alice", "secret");
        }
    }

    /** CVE-2011-0411: a command pipelined behind STLS in clear must never run, not even after the handshake. */
    @Test
    void commandInjectedBehindStlsIsNeverExecuted() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start(); LineClient c = new LineClient(server.address())) {
            c.sendRaw("STLS\r\nUSER alice\r\n");
            assertThat(c.readLine()).isEqualTo("+OK Begin TLS negotiation now.");
            c.startTls(server.clientTls());
            // had "USER alice" been executed, PASS would log in
            assertThat(c.send("PASS secret")).isEqualTo("-ERR No username given.");
            c.login("alice", "secret");
        }
    }

    @Test
    void userGivenBeforeStlsIsForgotten() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start(); LineClient c = new LineClient(server.address())) {
            c.expect("USER alice", "+OK");
            c.expect("STLS", "+OK");
            c.startTls(server.clientTls());
            assertThat(c.send("PASS secret")).isEqualTo("-ERR No username given.");
        }
    }

    @Test
    void sessionAboutToRemoveMailLocksTheMaildrop() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start();
                LineClient first = new LineClient(server.address());
                LineClient reader = new LineClient(server.address());
                LineClient second = new LineClient(server.address())) {
            server.deliver("alice", Messages.simple(1), Messages.simple(2));
            first.login("alice", "secret");
            reader.login("alice", "secret"); // sessions that only read share the maildrop
            first.expect("DELE 1", "+OK");
            reader.expect("DELE 2", "-ERR Another POP3 session is removing messages");
            second.expect("USER alice", "+OK");
            assertThat(second.send("PASS secret")).isEqualTo("-ERR [IN-USE] Mailbox is locked by another POP3 session.");
            second.login("bob", "secret"); // still in AUTHORIZATION: another account works
            first.expect("QUIT", "+OK");
            reader.expect("RETR 1", "-ERR Message was removed by another session.");
            try (LineClient third = new LineClient(server.address())) {
                third.login("alice", "secret"); // QUIT gave the lock back before answering
            }
        }
    }

    @Test
    void sessionLockModeLocksAtLogin() throws Exception {
        Pop3Config config = Pop3Config.from(ConfigSection.of(java.util.Map.of("maildrop_lock", "session")));
        try (Pop3TestServer server = Pop3TestServer.builder(dir).config(config).start();
                LineClient first = new LineClient(server.address());
                LineClient second = new LineClient(server.address())) {
            first.login("alice", "secret");
            second.expect("USER alice", "+OK");
            assertThat(second.send("PASS secret")).isEqualTo("-ERR [IN-USE] Mailbox is locked by another POP3 session.");
            first.expect("QUIT", "+OK");
            second.login("alice", "secret");
        }
    }

    @Test
    void droppedConnectionReleasesTheLock() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start()) {
            server.deliver("alice", Messages.simple(1));
            LineClient first = new LineClient(server.address());
            first.login("alice", "secret");
            first.expect("DELE 1", "+OK");
            first.drop();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                try (LineClient c = new LineClient(server.address())) {
                    c.login("alice", "secret");
                    c.expect("DELE 1", "+OK");
                }
            });
        }
    }

    @Test
    void perUserConnectionLimitIsTemporary() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).limits(new ConnectionLimits(0, 0, 1)).start();
                LineClient c = new LineClient(server.address())) {
            EmbeddedChannel imapSession = new EmbeddedChannel();
            assertThat(server.limits().tryAcceptUser(imapSession, "alice")).isTrue();
            c.expect("USER alice", "+OK");
            assertThat(c.send("PASS secret")).isEqualTo("-ERR [SYS/TEMP] Too many connections for this user.");
            imapSession.close();
            c.login("alice", "secret");
        }
    }

    @Test
    void loginDelayIsAnnouncedAndEnforced() throws Exception {
        MutableClock clock = new MutableClock();
        try (Pop3TestServer server = Pop3TestServer.builder(dir).clock(clock)
                .user("erin:{PLAIN}secret::::::login_delay=15m").start()) {
            try (LineClient c = new LineClient(server.address())) {
                c.login("erin", "secret");
                c.expect("CAPA", "+OK");
                assertThat(c.readMultiLine()).contains("LOGIN-DELAY 900");
                c.expect("QUIT", "+OK");
            }
            try (LineClient c = new LineClient(server.address())) {
                c.expect("USER erin", "+OK");
                assertThat(c.send("PASS secret")).startsWith("-ERR [LOGIN-DELAY] Minimum time between logins is 900 seconds");
                clock.advance(Duration.ofMinutes(16));
                c.login("erin", "secret");
            }
        }
    }

    @Test
    void utf8AndLang() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).user("j\u00fcrgen:{PLAIN}gr\u00fcn::::::").start();
                LineClient c = new LineClient(server.address())) {
            c.expect("LANG", "+OK");
            assertThat(c.readMultiLine()).contains("en English");
            c.expect("LANG *", "+OK en");
            c.expect("LANG de", "-ERR");
            c.expect("UTF8", "+OK");
            c.login("j\u00fcrgen", "gr\u00fcn");
            c.expect("UTF8", "-ERR");
            c.expect("LANG en", "+OK");
        }
    }
}
