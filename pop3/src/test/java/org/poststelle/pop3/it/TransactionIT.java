package org.poststelle.pop3.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.pop3.Pop3Config;
import org.poststelle.store.Mailbox;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.UidSet;

/** TRANSACTION and UPDATE states against a real store: what the client sees and what the store keeps. */
class TransactionIT {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void statListUidlRetrTop() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start()) {
            byte[] m1 = Messages.simple(1);
            byte[] m2 = Messages.tricky();
            server.deliver("alice", m1, m2);
            long uidValidity;
            try (Mailbox inbox = server.inbox("alice")) {
                uidValidity = inbox.snapshot().uidValidity();
            }
            try (LineClient c = new LineClient(server.address())) {
                c.login("alice", "secret");
                assertThat(c.send("STAT")).isEqualTo("+OK 2 " + (m1.length + m2.length));
                c.expect("LIST", "+OK 2 messages");
                assertThat(c.readMultiLine()).containsExactly("1 " + m1.length, "2 " + m2.length);
                assertThat(c.send("LIST 2")).isEqualTo("+OK 2 " + m2.length);
                c.expect("UIDL", "+OK");
                String hex = String.format("%08x", uidValidity);
                assertThat(c.readMultiLine()).containsExactly("1 00000001" + hex, "2 00000002" + hex);
                assertThat(c.send("UIDL 1")).isEqualTo("+OK 1 00000001" + hex);
                assertThat(c.send("RETR 2")).isEqualTo("+OK " + m2.length + " octets");
                assertThat(c.readBody()).isEqualTo(m2);
                assertThat(c.send("TOP 1 1")).isEqualTo("+OK");
                assertThat(String.join("\n", c.readMultiLine())).isEqualTo(
                        "From: sender@example.org\nTo: alice@example.org\nSubject: message 1\n"
                                + "Message-ID: <1@example.org>\n\nBody line 1 of message 1.");
                c.expect("RETR 3", "-ERR There's no message 3.");
                c.expect("RETR 0", "-ERR There's no message 0.");
                c.expect("TOP 1 x", "-ERR Invalid line count");
            }
        }
    }

    @Test
    void messageStoredWithBareLineFeedsIsSentInCrlfForm() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start()) {
            String lf = "From: mda@example.org\nSubject: stored as an MDA writes it\n\n.dot line\nplain\n..two\nlast";
            server.deliver("alice", lf.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] crlf = (lf.replace("\n", "\r\n") + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            try (LineClient c = new LineClient(server.address())) {
                c.login("alice", "secret");
                // the size is the CRLF size (RFC 1939), without the line end the last line lacks
                assertThat(c.send("LIST 1")).isEqualTo("+OK 1 " + (crlf.length - 2));
                c.expect("RETR 1", "+OK");
                assertThat(c.readBody()).isEqualTo(crlf);
                c.expect("TOP 1 1", "+OK");
                assertThat(c.readMultiLine()).containsExactly("From: mda@example.org", "Subject: stored as an MDA writes it",
                        "", ".dot line");
            }
        }
    }

    @Test
    void largeMessageStreamsIntact() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start()) {
            byte[] big = Messages.large(8 << 20);
            server.deliver("alice", big);
            try (LineClient c = new LineClient(server.address())) {
                c.login("alice", "secret");
                c.expect("RETR 1", "+OK " + big.length + " octets");
                assertThat(c.readBody()).isEqualTo(big);
                c.expect("NOOP", "+OK");
            }
        }
    }

    @Test
    void deleThenQuitRemovesExactlyTheMarkedMessages() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start()) {
            server.deliver("alice", Messages.simple(1), Messages.simple(2), Messages.simple(3));
            try (LineClient c = new LineClient(server.address())) {
                c.login("alice", "secret");
                c.expect("DELE 2", "+OK Marked to be deleted.");
                c.expect("DELE 2", "-ERR Message is deleted.");
                c.expect("RETR 2", "-ERR Message is deleted.");
                c.expect("LIST 2", "-ERR Message is deleted.");
                c.expect("STAT", "+OK 2 ");
                c.expect("LIST", "+OK");
                assertThat(c.readMultiLine()).extracting(l -> l.split(" ")[0]).containsExactly("1", "3");
                c.expect("QUIT", "+OK Logging out, messages deleted.");
                assertThat(c.closedByServer()).isTrue();
            }
            try (Mailbox inbox = server.inbox("alice")) {
                MailboxSnapshot s = inbox.snapshot();
                assertThat(s.size()).isEqualTo(2);
                assertThat(s.uid(0)).isEqualTo(1);
                assertThat(s.uid(1)).isEqualTo(3);
            }
        }
    }

    @Test
    void deleWithoutQuitKeepsEverything() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start()) {
            server.deliver("alice", Messages.simple(1), Messages.simple(2));
            LineClient c = new LineClient(server.address());
            c.login("alice", "secret");
            c.expect("DELE 1", "+OK");
            c.expect("DELE 2", "+OK");
            c.drop();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                try (LineClient again = new LineClient(server.address())) {
                    again.login("alice", "secret");
                    again.expect("STAT", "+OK 2 ");
                }
            });
            assertThat(server.count("alice")).isEqualTo(2);
        }
    }

    @Test
    void rsetUnmarks() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start()) {
            server.deliver("alice", Messages.simple(1), Messages.simple(2));
            try (LineClient c = new LineClient(server.address())) {
                c.login("alice", "secret");
                c.expect("DELE 1", "+OK");
                c.expect("RSET", "+OK Maildrop has 2 messages");
                c.expect("RETR 1", "+OK");
                c.readBody();
                c.expect("QUIT", "+OK Logging out.");
            }
            assertThat(server.count("alice")).isEqualTo(2);
        }
    }

    @Test
    void retrievedMessagesAreSeenAfterQuitButTopDoesNotCount() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start()) {
            server.deliver("alice", Messages.simple(1), Messages.simple(2));
            try (LineClient c = new LineClient(server.address())) {
                c.login("alice", "secret");
                c.expect("RETR 1", "+OK");
                c.readBody();
                c.expect("TOP 2 0", "+OK");
                c.readMultiLine();
                try (Mailbox inbox = server.inbox("alice")) {
                    assertThat(inbox.meta(1).flags().has(Flags.SEEN)).as("nothing changes before QUIT").isFalse();
                }
                c.expect("QUIT", "+OK");
            }
            try (Mailbox inbox = server.inbox("alice")) {
                assertThat(inbox.meta(1).flags().has(Flags.SEEN)).isTrue();
                assertThat(inbox.meta(2).flags().has(Flags.SEEN)).isFalse();
            }
        }
    }

    @Test
    void markSeenCanBeSwitchedOff() throws Exception {
        Pop3Config config = Pop3Config.from(org.poststelle.core.config.ConfigSection.of(java.util.Map.of("mark_seen", false)));
        try (Pop3TestServer server = Pop3TestServer.builder(dir).config(config).start()) {
            server.deliver("alice", Messages.simple(1));
            try (LineClient c = new LineClient(server.address())) {
                c.login("alice", "secret");
                c.expect("RETR 1", "+OK");
                c.readBody();
                c.expect("QUIT", "+OK");
            }
            try (Mailbox inbox = server.inbox("alice")) {
                assertThat(inbox.meta(1).flags().has(Flags.SEEN)).isFalse();
            }
        }
    }

    @Test
    void deleteRetentionRemovesRetrievedMessagesAtQuit() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).user("frank:{PLAIN}secret::::::pop3_retention=delete").start()) {
            server.deliver("frank", Messages.simple(1), Messages.simple(2), Messages.simple(3));
            try (LineClient c = new LineClient(server.address())) {
                c.login("frank", "secret");
                c.expect("CAPA", "+OK");
                assertThat(c.readMultiLine()).contains("EXPIRE 0");
                c.expect("RETR 1", "+OK");
                c.readBody();
                c.expect("TOP 2 0", "+OK");
                c.readMultiLine();
                c.expect("QUIT", "+OK");
            }
            assertThat(server.count("frank")).isEqualTo(2);
            // retrieved but the session dropped: nothing is removed
            LineClient c = new LineClient(server.address());
            c.login("frank", "secret");
            c.expect("RETR 1", "+OK");
            c.readBody();
            c.drop();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                try (LineClient again = new LineClient(server.address())) {
                    again.login("frank", "secret");
                }
            });
            assertThat(server.count("frank")).isEqualTo(2);
        }
    }

    @Test
    void expireRetentionRemovesMessagesRetrievedLongAgoAtLogin() throws Exception {
        MutableClock clock = new MutableClock();
        try (Pop3TestServer server = Pop3TestServer.builder(dir).clock(clock)
                .user("gina:{PLAIN}secret::::::pop3_retention=expire=30d").start()) {
            server.deliver("gina", Messages.simple(1), Messages.simple(2));
            try (LineClient c = new LineClient(server.address())) {
                c.login("gina", "secret");
                c.expect("CAPA", "+OK");
                assertThat(c.readMultiLine()).contains("EXPIRE 30");
                c.expect("RETR 1", "+OK");
                c.readBody();
                c.expect("QUIT", "+OK");
            }
            try (Mailbox inbox = server.inbox("gina")) {
                assertThat(inbox.meta(1).firstRetrieved()).isNotNull();
                assertThat(inbox.meta(2).firstRetrieved()).isNull();
            }
            clock.advance(Duration.ofDays(29));
            try (LineClient c = new LineClient(server.address())) {
                c.login("gina", "secret");
                c.expect("STAT", "+OK 2 ");
                c.expect("QUIT", "+OK");
            }
            clock.advance(Duration.ofDays(2));
            try (LineClient c = new LineClient(server.address())) {
                c.login("gina", "secret");
                c.expect("STAT", "+OK 1 ");
                assertThat(c.send("UIDL 1")).startsWith("+OK 1 00000002");
            }
            assertThat(server.count("gina")).isEqualTo(1);
        }
    }

    @Test
    void snapshotIsFixedForTheSession() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start()) {
            server.deliver("alice", Messages.simple(1), Messages.simple(2));
            try (LineClient c = new LineClient(server.address())) {
                c.login("alice", "secret");
                server.deliver("alice", Messages.simple(3));
                c.expect("STAT", "+OK 2 ");
                c.expect("RETR 3", "-ERR There's no message 3.");
                try (Mailbox other = server.inbox("alice")) {
                    other.expunge(UidSet.of(1));
                }
                c.expect("RETR 1", "-ERR Message was removed by another session.");
                c.expect("DELE 2", "+OK");
                c.expect("QUIT", "+OK");
            }
            try (LineClient c = new LineClient(server.address())) {
                c.login("bob", "secret");
            }
            try (Mailbox inbox = server.inbox("alice")) {
                MailboxSnapshot s = inbox.snapshot();
                assertThat(s.size()).isEqualTo(1);
                assertThat(s.uid(0)).isEqualTo(3);
            }
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start()) {
            server.deliver("alice", Messages.simple(1), Messages.tricky(), Messages.simple(3));
            try (LineClient c = new LineClient(server.address())) {
                StringBuilder batch = new StringBuilder("USER alice\r\nPASS secret\r\n");
                int rounds = 200;
                for (int i = 0; i < rounds; i++) {
                    batch.append("STAT\r\nRETR 2\r\nNOOP\r\nLIST 3\r\nBOGUS\r\n".replace("BOGUS\r\n", i < 5 ? "BOGUS\r\n" : ""));
                }
                batch.append("QUIT\r\n");
                c.sendRaw(batch.toString());
                assertThat(c.readLine()).isEqualTo("+OK");
                assertThat(c.readLine()).isEqualTo("+OK Logged in.");
                byte[] tricky = Messages.tricky();
                for (int i = 0; i < rounds; i++) {
                    assertThat(c.readLine()).startsWith("+OK 3 ");
                    assertThat(c.readLine()).isEqualTo("+OK " + tricky.length + " octets");
                    assertThat(c.readBody()).isEqualTo(tricky);
                    assertThat(c.readLine()).isEqualTo("+OK");
                    assertThat(c.readLine()).startsWith("+OK 3 ");
                    if (i < 5) {
                        assertThat(c.readLine()).isEqualTo("-ERR Unknown command: BOGUS");
                    }
                }
                assertThat(c.readLine()).startsWith("+OK Logging out");
            }
        }
    }

    @Test
    void badCommandsAndLongLines() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start(); LineClient c = new LineClient(server.address())) {
            c.expect("HELO", "-ERR Unknown command: HELO");
            assertThat(c.send("X".repeat(10_000))).isEqualTo("-ERR Line too long.");
            c.expect("NOOP", "+OK");
            c.expect("RETR 1", "-ERR RETR is not valid in this state.");
            c.expect("CAPA x", "-ERR Noise after command.");
            for (int i = 0; i < 6; i++) {
                c.expect("BAD" + i, "-ERR Unknown command");
            }
            assertThat(c.send("ONEMORE")).isEqualTo("-ERR Too many bad commands.");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void idleClientIsToldAndDisconnected() throws Exception {
        Pop3Config config = Pop3Config.from(org.poststelle.core.config.ConfigSection.of(java.util.Map.of("login_timeout", "1s")));
        try (Pop3TestServer server = Pop3TestServer.builder(dir).config(config).start();
                LineClient c = new LineClient(server.address())) {
            assertThat(c.readLine()).isEqualTo("-ERR Disconnected for inactivity.");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void shutdownClosesWithoutApplyingDeletions() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start()) {
            server.deliver("alice", Messages.simple(1));
            try (LineClient c = new LineClient(server.address())) {
                c.login("alice", "secret");
                c.expect("DELE 1", "+OK");
                server.announceShutdown();
                assertThat(c.readLine()).isEqualTo("-ERR [SYS/TEMP] Server shutting down.");
                assertThat(c.closedByServer()).isTrue();
            }
            assertThat(server.count("alice")).isEqualTo(1);
        }
    }

    @Test
    void metricsCountCommandsAndRetrievals() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start()) {
            server.deliver("alice", Messages.simple(1));
            try (LineClient c = new LineClient(server.address())) {
                c.login("alice", "secret");
                c.expect("RETR 1", "+OK");
                c.readBody();
                c.expect("XYZZY", "-ERR");
                c.expect("QUIT", "+OK");
            }
            var registry = server.metrics().registry();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(registry.get("poststelle.commands").tag("command", "retr").timer().count()).isEqualTo(1);
                assertThat(registry.get("poststelle.commands").tag("command", "unknown").timer().count()).isEqualTo(1);
                assertThat(registry.get("poststelle.messages.retrieved").counter().count()).isEqualTo(1);
                assertThat(registry.get("poststelle.logins").tag("result", "success").counter().count()).isEqualTo(1);
            });
        }
    }
}
