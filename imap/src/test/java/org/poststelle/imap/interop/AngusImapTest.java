package org.poststelle.imap.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MessageChangedEvent;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.imap.testing.ImapTestServer;

/** Angus Mail (Jakarta Mail) as a real client: over IMAPS and STARTTLS, folders, messages, flags, IDLE. */
class AngusImapTest {
    @TempDir
    Path dir;
    private ImapTestServer server;
    private final List<Store> stores = new ArrayList<>();

    @BeforeEach
    void start() {
        server = ImapTestServer.start(dir, new ImapTestServer.Options().tlsOnlyLogin());
    }

    @AfterEach
    void stop() throws MessagingException {
        for (Store s : stores) {
            if (s.isConnected()) {
                s.close();
            }
        }
        server.close();
    }

    private Store imaps(String user) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.imaps.ssl.socketFactory", server.clientTls().getSocketFactory());
        p.put("mail.imaps.ssl.checkserveridentity", "false");
        p.put("mail.imaps.connectiontimeout", "10000");
        p.put("mail.imaps.timeout", "10000");
        Store store = Session.getInstance(p).getStore("imaps");
        store.connect("127.0.0.1", server.tlsPort(), user, ImapTestServer.PASSWORD);
        stores.add(store);
        return store;
    }

    private Store starttls(String user) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.imap.starttls.enable", "true");
        p.put("mail.imap.starttls.required", "true");
        p.put("mail.imap.ssl.socketFactory", server.clientTls().getSocketFactory());
        p.put("mail.imap.ssl.checkserveridentity", "false");
        p.put("mail.imap.connectiontimeout", "10000");
        p.put("mail.imap.timeout", "10000");
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", server.port(), user, ImapTestServer.PASSWORD);
        stores.add(store);
        return store;
    }

    private static MimeMessage message(Session session, String subject, String text) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("alice@example.org", false));
        m.setRecipients(Message.RecipientType.TO, "bob@example.org");
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.saveChanges();
        return m;
    }

    @Test
    void foldersOverStartTls() throws Exception {
        Store store = starttls("alice");
        assertThat(((IMAPStore) store).hasCapability("UIDPLUS")).isTrue();
        Folder work = store.getFolder("Work");
        assertThat(work.exists()).isFalse();
        assertThat(work.create(Folder.HOLDS_MESSAGES | Folder.HOLDS_FOLDERS)).isTrue();
        Folder sub = store.getFolder("Work/Entwürfe");
        assertThat(sub.create(Folder.HOLDS_MESSAGES)).isTrue();
        List<String> names = new ArrayList<>();
        for (Folder f : store.getDefaultFolder().list("*")) {
            names.add(f.getFullName());
        }
        assertThat(names).contains("INBOX", "Work", "Work/Entwürfe");
        assertThat(store.getFolder("Work").renameTo(store.getFolder("Job"))).isTrue();
        assertThat(store.getFolder("Job/Entwürfe").exists()).isTrue();
        assertThat(store.getFolder("Job/Entwürfe").delete(false)).isTrue();
        assertThat(store.getFolder("Job/Entwürfe").exists()).isFalse();
    }

    @Test
    void appendFetchFlagsCopyMoveExpunge() throws Exception {
        Store store = imaps("alice");
        Session session = Session.getInstance(new Properties());
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        MimeMultipart mixed = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hallo Bob, anbei die Datei.", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setContent(new byte[] {1, 2, 3, 4}, "application/octet-stream");
        file.setFileName("data.bin");
        mixed.addBodyPart(text);
        mixed.addBodyPart(file);
        MimeMessage withAttachment = new MimeMessage(session);
        withAttachment.setSubject("Grüße mit Anhang", "UTF-8");
        withAttachment.setFrom(new InternetAddress("carol@example.org"));
        withAttachment.setContent(mixed);
        withAttachment.saveChanges();
        AppendUID[] appended = inbox.appendUIDMessages(new Message[] {message(session, "Erste", "eins"),
            message(session, "Zweite", "zwei"), withAttachment});
        assertThat(appended).hasSize(3);
        assertThat(appended[2].uid).isEqualTo(3);
        assertThat(appended[2].uidvalidity).isEqualTo(inbox.getUIDValidity());
        assertThat(inbox.getMessageCount()).isEqualTo(3);

        Message first = inbox.getMessage(1);
        assertThat(first.getSubject()).isEqualTo("Erste");
        assertThat(first.getFrom()[0].toString()).isEqualTo("alice@example.org");
        assertThat(first.getContent()).isEqualTo("eins");
        assertThat(first.isSet(Flags.Flag.SEEN)).isTrue();

        Message third = inbox.getMessage(3);
        assertThat(third.getSubject()).isEqualTo("Grüße mit Anhang");
        Multipart parts = (Multipart) third.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Hallo Bob, anbei die Datei.");
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("data.bin");
        assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).containsExactly(1, 2, 3, 4);

        inbox.getMessage(2).setFlag(Flags.Flag.FLAGGED, true);
        Flags custom = new Flags("$Label1");
        inbox.getMessage(2).setFlags(custom, true);
        assertThat(inbox.getMessage(2).getFlags().contains("$Label1")).isTrue();
        assertThat(inbox.getMessage(2).isSet(Flags.Flag.FLAGGED)).isTrue();

        Folder archive = store.getFolder("Archive");
        archive.create(Folder.HOLDS_MESSAGES);
        inbox.copyMessages(new Message[] {inbox.getMessage(1)}, archive);
        inbox.moveMessages(new Message[] {inbox.getMessage(2)}, archive);
        // Jakarta Mail keeps messages expunged by MOVE in the folder, marked, until the next expunge()
        assertThat(inbox.getMessage(2).isExpunged()).isTrue();
        assertThat(archive.getMessageCount()).isEqualTo(2);

        inbox.getMessage(1).setFlag(Flags.Flag.DELETED, true);
        Message[] expunged = inbox.expunge();
        assertThat(expunged).isNotEmpty();
        assertThat(inbox.getMessageCount()).isEqualTo(1);
        assertThat(inbox.getMessage(1).getSubject()).isEqualTo("Grüße mit Anhang");

        archive.open(Folder.READ_ONLY);
        Message moved = archive.getMessage(2);
        assertThat(moved.getSubject()).isEqualTo("Zweite");
        assertThat(moved.getFlags().contains("$Label1")).isTrue();
        assertThat(((UIDFolder) archive).getUID(moved)).isEqualTo(2);
        inbox.close(false);
        archive.close(false);
    }

    @Test
    void idleSeesAnotherSessionsChanges() throws Exception {
        Store watcher = imaps("bob");
        Store writer = imaps("bob");
        IMAPFolder idling = (IMAPFolder) watcher.getFolder("INBOX");
        idling.open(Folder.READ_WRITE);
        List<String> events = new CopyOnWriteArrayList<>();
        idling.addMessageCountListener(new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent e) {
                events.add("added " + e.getMessages().length);
            }

            @Override
            public void messagesRemoved(MessageCountEvent e) {
                events.add("removed " + e.getMessages().length);
            }
        });
        idling.addMessageChangedListener(e -> {
            if (e.getMessageChangeType() == MessageChangedEvent.FLAGS_CHANGED) {
                events.add("flags");
            }
        });
        AtomicBoolean stop = new AtomicBoolean();
        Thread idleThread = new Thread(() -> {
            try {
                while (!stop.get()) {
                    idling.idle(true);
                }
            } catch (MessagingException e) {
                events.add("error " + e);
            }
        });
        idleThread.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> idling.isOpen());

        Folder inbox = writer.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        inbox.appendMessages(new Message[] {message(Session.getInstance(new Properties()), "Neu", "x")});
        await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("added 1"));

        inbox.getMessage(1).setFlag(Flags.Flag.FLAGGED, true);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("flags"));

        inbox.getMessage(1).setFlag(Flags.Flag.DELETED, true);
        inbox.expunge();
        await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("removed 1"));

        stop.set(true);
        inbox.appendMessages(new Message[] {message(Session.getInstance(new Properties()), "Ende", "y")});
        idleThread.join(10_000);
        assertThat(idleThread.isAlive()).isFalse();
        assertThat(events).noneMatch(e -> e.startsWith("error"));
        assertThat(Arrays.stream(idling.getMessages()).filter(m -> !m.isExpunged())).hasSize(1);
    }
}
