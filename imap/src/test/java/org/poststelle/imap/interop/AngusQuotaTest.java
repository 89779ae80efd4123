package org.poststelle.imap.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Quota;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.imap.testing.ImapTestServer;

/** QUOTA (RFC 9208) through Angus Mail: the account's limits from the passwd file, usage, OVERQUOTA. */
class AngusQuotaTest {
    @TempDir
    Path dir;
    private ImapTestServer server;
    private Store store;

    @BeforeEach
    void start() throws MessagingException {
        server = ImapTestServer.start(dir, new ImapTestServer.Options()
                .extraFields("alice", "quota_bytes=10k quota_messages=2"));
        Properties p = new Properties();
        p.put("mail.imap.connectiontimeout", "10000");
        p.put("mail.imap.timeout", "10000");
        store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", server.port(), "alice", ImapTestServer.PASSWORD);
    }

    @AfterEach
    void stop() throws MessagingException {
        store.close();
        server.close();
    }

    @Test
    void quotaOfInboxShowsLimitsAndUsage() throws Exception {
        IMAPStore imap = (IMAPStore) store;
        assertThat(imap.hasCapability("QUOTA")).isTrue();

        Quota[] before = imap.getQuota("INBOX");
        assertThat(before).hasSize(1);
        assertThat(before[0].quotaRoot).isEmpty();
        assertThat(resource(before[0], "STORAGE").limit).isEqualTo(10);
        assertThat(resource(before[0], "STORAGE").usage).isZero();
        assertThat(resource(before[0], "MESSAGE").limit).isEqualTo(2);
        assertThat(resource(before[0], "MESSAGE").usage).isZero();

        Folder inbox = store.getFolder("INBOX");
        inbox.appendMessages(new Message[] {message(3000)});
        Quota after = imap.getQuota("INBOX")[0];
        inbox.open(Folder.READ_ONLY);
        int size = inbox.getMessage(1).getSize();
        assertThat(size).isGreaterThan(3000);
        assertThat(resource(after, "STORAGE").usage).isEqualTo(size / 1024); // KiB, rounded down
        assertThat(resource(after, "MESSAGE").usage).isEqualTo(1);
    }

    @Test
    void appendPastTheQuotaFailsWithOverquota() throws Exception {
        Folder inbox = store.getFolder("INBOX");
        assertThatThrownBy(() -> inbox.appendMessages(new Message[] {message(12_000)}))
                .isInstanceOf(MessagingException.class).hasMessageContaining("OVERQUOTA");
        assertThat(resource(((IMAPStore) store).getQuota("INBOX")[0], "MESSAGE").usage).isZero();
    }

    @Test
    void settingTheQuotaIsRefused() throws Exception {
        Quota q = new Quota("");
        q.setResourceLimit("STORAGE", 1_000_000);
        assertThatThrownBy(() -> ((IMAPStore) store).setQuota(q)).isInstanceOf(MessagingException.class);
    }

    private static Quota.Resource resource(Quota q, String name) {
        for (Quota.Resource r : q.resources) {
            if (r.name.equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no resource " + name);
    }

    private MimeMessage message(int bodySize) throws MessagingException {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("bob@example.org"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@example.org"));
        m.setSubject("Quota");
        m.setText("z".repeat(bodySize));
        return m;
    }
}
