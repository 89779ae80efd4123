package org.poststelle.imap.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.core.net.ConnectionLimits;
import org.poststelle.imap.ImapConfig;
import org.poststelle.imap.testing.ImapTestServer;
import org.poststelle.imap.testing.TestClient;
import org.poststelle.store.Mailbox;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.UidSet;

/** Timeouts, keepalives, shutdown, limits and changes made outside IMAP (an MTA, POP3). */
class SessionLifecycleTest {
    @TempDir
    Path dir;

    private static ImapConfig timeouts(ImapConfig c, Duration keepalive, Duration autologout, Duration preLogin) {
        return new ImapConfig(c.maxLineLength(), c.maxLineLengthBeforeLogin(), c.maxLiteralSize(),
                c.maxLiteralSizeBeforeLogin(), c.appendLimit(), c.maxCommandSize(), c.spoolThreshold(),
                c.spoolDirectory(), keepalive, c.idleRecheck(), autologout, preLogin, c.maxBadCommands(),
                c.maxAuthFailures(), c.utf8Accept());
    }

    @Test
    void idleOutlivesAutologoutAndGetsKeepalives() {
        ImapTestServer.Options o = new ImapTestServer.Options().config(c -> timeouts(c, Duration.ofMillis(300),
                Duration.ofMillis(500), Duration.ofSeconds(30)));
        try (ImapTestServer server = ImapTestServer.start(dir, o);
                TestClient idler = TestClient.loggedIn(server, "alice");
                TestClient quiet = TestClient.loggedIn(server, "alice")) {
            idler.command("a1 SELECT INBOX");
            idler.send("a2 IDLE\r\n");
            idler.expect("\\+ idling");
            // several autologout periods pass; the idling client only hears keepalives
            for (int i = 0; i < 5; i++) {
                idler.expect("\\* OK Still here");
            }
            idler.send("DONE\r\n");
            idler.expect("a2 OK IDLE terminated\\.");
            // the client that stayed silent without IDLE was logged out
            quiet.expect("\\* BYE Autologout; idle for too long");
            assertThat(quiet.closedByServer()).isTrue();
        }
    }

    @Test
    void unauthenticatedConnectionsTimeOutSooner() {
        ImapTestServer.Options o = new ImapTestServer.Options().config(c -> timeouts(c, c.idleKeepalive(),
                Duration.ofMinutes(30), Duration.ofMillis(300)));
        try (ImapTestServer server = ImapTestServer.start(dir, o);
                TestClient c = new TestClient(server.address(), 10_000)) {
            c.expect("\\* OK .*");
            c.expect("\\* BYE Disconnected for inactivity");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void shutdownSaysBye() {
        try (ImapTestServer server = ImapTestServer.start(dir);
                TestClient c = TestClient.loggedIn(server, "alice")) {
            c.command("a1 SELECT INBOX");
            c.send("a2 IDLE\r\n");
            c.expect("\\+ idling");
            server.announceShutdown();
            c.expect("\\* BYE Server shutting down");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void perUserConnectionLimit() {
        ImapTestServer.Options o = new ImapTestServer.Options().limits(new ConnectionLimits(0, 0, 1));
        try (ImapTestServer server = ImapTestServer.start(dir, o);
                TestClient first = TestClient.loggedIn(server, "alice");
                TestClient second = new TestClient(server.address(), 10_000)) {
            second.expect("\\* OK .*");
            second.send("b1 LOGIN alice secret\r\n");
            second.expect("b1 NO \\[LIMIT\\] .*");
            first.command("a1 NOOP");
        }
    }

    @Test
    void tooManyFailedLoginsClose() {
        try (ImapTestServer server = ImapTestServer.start(dir);
                TestClient c = new TestClient(server.address(), 10_000)) {
            c.expect("\\* OK .*");
            for (int i = 1; i <= 3; i++) {
                c.send("f" + i + " LOGIN alice wrong\r\n");
                c.expect("f" + i + " NO \\[AUTHENTICATIONFAILED\\] .*");
            }
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void mtaDeliveryReachesIdle() throws Exception {
        try (ImapTestServer server = ImapTestServer.start(dir);
                TestClient c = TestClient.loggedIn(server, "alice")) {
            c.command("a1 SELECT INBOX");
            c.send("a2 IDLE\r\n");
            c.expect("\\+ idling");
            // an MTA writes into tmp/ and renames into new/, as Maildir delivery does
            Path maildir = server.maildir("alice");
            Path tmp = maildir.resolve("tmp").resolve("1700000000.M1P1.mta");
            Files.writeString(tmp, "From: mta@example.org\r\nSubject: delivered\r\n\r\nhello\r\n",
                    StandardCharsets.US_ASCII);
            Files.move(tmp, maildir.resolve("new").resolve("1700000000.M1P1.mta"));
            c.expect("\\* 1 EXISTS");
            c.expect("\\* 1 RECENT");
            c.send("DONE\r\n");
            c.expect("a2 OK .*");
            c.command("a3 FETCH 1 BODY.PEEK[HEADER.FIELDS (SUBJECT)]");
        }
    }

    @Test
    void expungeByAnotherProtocolReachesIdle() throws Exception {
        try (ImapTestServer server = ImapTestServer.start(dir);
                TestClient c = TestClient.loggedIn(server, "alice")) {
            c.send("a0 APPEND INBOX {20+}\r\nSubject: x\r\n\r\nbody\r\n\r\n");
            c.expect("a0 OK .*");
            c.command("a1 SELECT INBOX");
            c.send("a2 IDLE\r\n");
            c.expect("\\+ idling");
            // what POP3 does at QUIT: expunge exactly the deleted UIDs through its own mailbox handle
            var account = new org.poststelle.core.auth.Account("alice", "alice", "", java.util.Optional.empty(),
                    org.poststelle.core.auth.AccountPolicy.DEFAULT);
            try (Mailbox pop3 = server.store().forAccount(account).open(MailboxName.INBOX, false)) {
                pop3.expunge(UidSet.of(1));
            }
            c.expect("\\* 1 EXPUNGE");
            c.send("DONE\r\n");
            c.expect("a2 OK .*");
        }
    }
}
