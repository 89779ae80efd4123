package org.poststelle.imap.interop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Random;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.imap.testing.ImapTestServer;

/**
 * A message larger than the spool threshold and the in-memory literal size goes in through a spooled APPEND
 * literal and comes back whole and byte-exact, as a file region without TLS and as a chunked stream with it.
 */
class LargeMessageTest {
    @TempDir
    Path dir;

    private static byte[] bigMessage() {
        StringBuilder sb = new StringBuilder("From: a@example.org\r\nTo: b@example.org\r\nSubject: big\r\n\r\n");
        Random r = new Random(42);
        while (sb.length() < 2_000_000) {
            for (int i = 0; i < 76; i++) {
                sb.append((char) ('a' + r.nextInt(26)));
            }
            sb.append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private Store connect(ImapTestServer server, boolean tls) throws Exception {
        Properties p = new Properties();
        String proto = tls ? "imaps" : "imap";
        p.put("mail." + proto + ".partialfetch", "false");
        p.put("mail." + proto + ".timeout", "20000");
        if (tls) {
            p.put("mail.imaps.ssl.socketFactory", server.clientTls().getSocketFactory());
            p.put("mail.imaps.ssl.checkserveridentity", "false");
        }
        Store store = Session.getInstance(p).getStore(proto);
        store.connect("127.0.0.1", tls ? server.tlsPort() : server.port(), "alice", ImapTestServer.PASSWORD);
        return store;
    }

    @Test
    void bigMessageRoundTripsPlainAndTls() throws Exception {
        byte[] original = bigMessage();
        try (ImapTestServer server = ImapTestServer.start(dir)) {
            Store plain = connect(server, false);
            IMAPFolder inbox = (IMAPFolder) plain.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(original));
            inbox.appendMessages(new Message[] {m});
            assertThat(inbox.getMessageCount()).isEqualTo(1);
            assertThat(rawBytes((IMAPMessage) inbox.getMessage(1))).isEqualTo(original);
            assertThat(inbox.getMessage(1).getSize()).isEqualTo(original.length);
            plain.close();

            Store tls = connect(server, true);
            Folder inbox2 = tls.getFolder("INBOX");
            inbox2.open(Folder.READ_ONLY);
            assertThat(rawBytes((IMAPMessage) inbox2.getMessage(1))).isEqualTo(original);
            tls.close();
        }
    }

    /** The message as the server sends it for BODY.PEEK[] (Angus fetches it whole: no partial fetch). */
    private static byte[] rawBytes(IMAPMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }
}
