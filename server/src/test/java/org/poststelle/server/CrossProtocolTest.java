package org.poststelle.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.net.pop3.POP3Client;
import org.apache.commons.net.pop3.POP3MessageInfo;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.core.config.ConfigFile;

/**
 * One store, two front-ends, the whole server wired as {@code serve} wires it: what POP3 does is seen by
 * IMAP at once and the other way round. Plaintext login is allowed here to keep the clients simple; TLS is
 * covered in the protocol modules.
 */
class CrossProtocolTest {
    @TempDir
    static Path dir;

    private static ServerRuntime runtime;
    private static int imapPort;
    private static int pop3Port;
    private static final AtomicInteger USERS = new AtomicInteger();
    private String user;
    private Store imap;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** One server for the class (starting one costs a certificate and a dummy hash); one user per test. */
    @BeforeAll
    static void start() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        StringBuilder users = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            users.append("user").append(i).append(":{PLAIN}secret\n");
        }
        Files.writeString(data.resolve("users"), users);
        imapPort = freePort();
        pop3Port = freePort();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("data_dir", data.toString());
        o.put("listeners.imap", imapPort);
        o.put("listeners.imaps", 0);
        o.put("listeners.pop3", pop3Port);
        o.put("listeners.pop3s", 0);
        o.put("metrics.port", 0);
        o.put("auth.plaintext_without_tls", true);
        o.put("auth.failure_delay.base", "0s");
        runtime = ServerRuntime.start(Configuration.from(ConfigFile.load(null, Map.of(), o)),
                new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterAll
    static void stopServer() {
        if (runtime != null) {
            runtime.stop();
        }
    }

    @BeforeEach
    void connect() throws Exception {
        user = "user" + USERS.incrementAndGet();
        Properties p = new Properties();
        p.put("mail.imap.host", "127.0.0.1");
        p.put("mail.imap.port", String.valueOf(imapPort));
        p.put("mail.imap.timeout", "10000");
        imap = Session.getInstance(p).getStore("imap");
        imap.connect(user, "secret");
    }

    @AfterEach
    void disconnect() throws Exception {
        if (imap != null && imap.isConnected()) {
            imap.close();
        }
    }

    private void appendToInbox(int n) throws Exception {
        Folder inbox = imap.getFolder("INBOX");
        Message[] msgs = new Message[n];
        for (int i = 0; i < n; i++) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            m.setFrom(new InternetAddress("sender@example.org"));
            m.setRecipients(Message.RecipientType.TO, "alice@example.org");
            m.setSubject("message " + (i + 1));
            m.setText("body " + (i + 1) + "\r\n.line starting with a dot\r\n");
            msgs[i] = m;
        }
        inbox.appendMessages(msgs);
    }

    private POP3Client pop3() throws IOException {
        POP3Client c = new POP3Client();
        c.setDefaultTimeout(10_000);
        c.connect("127.0.0.1", pop3Port);
        c.setSoTimeout(10_000);
        assertThat(c.login(user, "secret")).isTrue();
        return c;
    }

    @Test
    void aPop3DeletionReachesAnImapClientInIdleWhenThePop3ClientQuits() throws Exception {
        appendToInbox(3);
        IMAPFolder inbox = (IMAPFolder) imap.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        assertThat(inbox.getMessageCount()).isEqualTo(3);
        AtomicInteger removed = new AtomicInteger();
        inbox.addMessageCountListener(new MessageCountAdapter() {
            @Override
            public void messagesRemoved(MessageCountEvent e) {
                removed.addAndGet(e.getMessages().length);
            }
        });
        Thread idler = new Thread(() -> {
            try {
                while (removed.get() == 0 && inbox.isOpen()) {
                    inbox.idle(true);
                }
            } catch (Exception ignored) {
                // the folder closes at the end of the test
            }
        });
        idler.start();

        POP3Client pop = pop3();
        assertThat(pop.deleteMessage(1)).isTrue();
        assertThat(removed.get()).as("DELE alone changes nothing shared").isZero();
        assertThat(pop.logout()).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> removed.get() == 1);
        // JavaMail keeps expunged messages in the folder's numbering (marked expunged) until the app expunges
        assertThat(inbox.getMessage(1).isExpunged()).isTrue();
        assertThat(inbox.getMessage(2).isExpunged()).isFalse();
        inbox.close(false);
        idler.join(10_000);
    }

    @Test
    void aDroppedPop3ConnectionDeletesNothing() throws Exception {
        appendToInbox(2);
        POP3Client pop = pop3();
        assertThat(pop.deleteMessage(1)).isTrue();
        assertThat(pop.deleteMessage(2)).isTrue();
        pop.disconnect(); // no QUIT: no UPDATE state
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            POP3Client again = pop3();
            POP3MessageInfo status = again.status();
            again.logout();
            again.disconnect();
            assertThat(status.number).isEqualTo(2);
        });
        Folder inbox = imap.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertThat(inbox.getMessageCount()).isEqualTo(2);
        inbox.close(false);
    }

    @Test
    void imapSeesWhatPop3RetrievedAndPop3SeesImapAppendsOnlyInTheNextSession() throws Exception {
        appendToInbox(1);
        POP3Client pop = pop3();
        assertThat(pop.status().number).isEqualTo(1);
        appendToInbox(1); // during the POP3 session: not shown to it (RFC 1939 fixed maildrop)
        assertThat(pop.status().number).isEqualTo(1);
        try (Reader r = pop.retrieveMessage(1)) {
            java.io.StringWriter w = new java.io.StringWriter();
            r.transferTo(w);
            String text = w.toString();
            assertThat(text).contains("Subject: message 1").contains("\r\n.line starting with a dot");
        }
        assertThat(pop.logout()).isTrue();
        pop.disconnect();

        POP3Client next = pop3();
        assertThat(next.status().number).isEqualTo(2);
        next.logout();
        next.disconnect();

        Folder inbox = imap.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        // POP3 marks downloaded messages \Seen at QUIT (pop3.mark_seen), so IMAP shows the first as read
        assertThat(inbox.getMessage(1).isSet(Flags.Flag.SEEN)).isTrue();
        assertThat(inbox.getMessage(2).isSet(Flags.Flag.SEEN)).isFalse();
        inbox.close(false);
    }
}
