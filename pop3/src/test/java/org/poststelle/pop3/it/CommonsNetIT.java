package org.poststelle.pop3.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.commons.net.pop3.POP3Client;
import org.apache.commons.net.pop3.POP3MessageInfo;
import org.apache.commons.net.pop3.POP3SClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apache commons-net POP3Client and POP3SClient against the server. */
class CommonsNetIT {
    @TempDir
    java.nio.file.Path dir;

    private static String read(Reader r) throws Exception {
        try (r) {
            StringWriter w = new StringWriter();
            r.transferTo(w);
            return w.toString();
        }
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static void exercise(POP3Client client, byte[] m1, byte[] m2) throws Exception {
        assertThat(client.login("alice", "secret")).isTrue();
        POP3MessageInfo status = client.status();
        assertThat(status.number).isEqualTo(2);
        assertThat(status.size).isEqualTo(m1.length + m2.length);
        POP3MessageInfo[] list = client.listMessages();
        assertThat(list).extracting(i -> i.size).containsExactly(m1.length, m2.length);
        POP3MessageInfo[] uids = client.listUniqueIdentifiers();
        assertThat(uids).extracting(i -> i.identifier).doesNotHaveDuplicates().allMatch(u -> u.matches("[0-9a-f]{16}"));
        assertThat(client.listUniqueIdentifier(2).identifier).isEqualTo(uids[1].identifier);
        assertThat(read(client.retrieveMessage(1))).isEqualTo(latin1(m1));
        assertThat(read(client.retrieveMessage(2))).isEqualTo(latin1(m2));
        String top = read(client.retrieveMessageTop(2, 0));
        assertThat(top).isEqualTo("From: sender@example.org\r\nSubject: dots\r\n\r\n");
    }

    @Test
    void plainClientRetrievesByteForByteAndDeletesAtQuit() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start()) {
            byte[] m1 = Messages.simple(1);
            byte[] m2 = Messages.tricky();
            server.deliver("alice", m1, m2);
            POP3Client client = new POP3Client();
            client.connect("127.0.0.1", server.port());
            exercise(client, m1, m2);
            assertThat(client.deleteMessage(1)).isTrue();
            assertThat(client.logout()).isTrue();
            client.disconnect();
            assertThat(server.count("alice")).isEqualTo(1);
        }
    }

    @Test
    void deleteWithoutQuitKeepsTheMessage() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start()) {
            server.deliver("alice", Messages.simple(1));
            POP3Client client = new POP3Client();
            client.connect("127.0.0.1", server.port());
            assertThat(client.login("alice", "secret")).isTrue();
            assertThat(client.deleteMessage(1)).isTrue();
            client.disconnect(); // no QUIT
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                POP3Client again = new POP3Client();
                again.connect("127.0.0.1", server.port());
                assertThat(again.login("alice", "secret")).isTrue();
                assertThat(again.status().number).isEqualTo(1);
                again.logout();
                again.disconnect();
            });
        }
    }

    @Test
    void implicitTls() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).plaintextWithoutTls(false).start()) {
            byte[] m1 = Messages.simple(1);
            byte[] m2 = Messages.tricky();
            server.deliver("alice", m1, m2);
            POP3SClient client = new POP3SClient(true, server.clientTls());
            client.connect("127.0.0.1", server.tlsPort());
            exercise(client, m1, m2);
            assertThat(client.logout()).isTrue();
            client.disconnect();
        }
    }

    @Test
    void stls() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).plaintextWithoutTls(false).start()) {
            byte[] m1 = Messages.simple(1);
            byte[] m2 = Messages.tricky();
            server.deliver("alice", m1, m2);
            POP3SClient client = new POP3SClient(false, server.clientTls());
            client.connect("127.0.0.1", server.port());
            assertThat(client.login("alice", "secret")).as("plaintext refused before STLS").isFalse();
            assertThat(client.getReplyString()).contains("[AUTH]");
            assertThat(client.execTLS()).isTrue();
            exercise(client, m1, m2);
            assertThat(client.logout()).isTrue();
            client.disconnect();
        }
    }

    @Test
    void secondClientGetsInUse() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).start()) {
            server.deliver("alice", Messages.simple(1));
            POP3Client first = new POP3Client();
            first.connect("127.0.0.1", server.port());
            assertThat(first.login("alice", "secret")).isTrue();
            assertThat(first.deleteMessage(1)).isTrue(); // now it is about to change the maildrop
            POP3Client second = new POP3Client();
            second.connect("127.0.0.1", server.port());
            assertThat(second.login("alice", "secret")).isFalse();
            assertThat(second.getReplyString()).startsWith("-ERR [IN-USE]");
            first.logout();
            first.disconnect();
            second.disconnect();
        }
    }
}
