package org.poststelle.imap.interop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.BodyTerm;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.NotTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.search.SearchTerm;
import jakarta.mail.search.SubjectTerm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.imap.testing.ImapTestServer;

/**
 * Angus Mail's {@code Folder.search} against the server. Angus quietly falls back to searching on the client
 * when the server refuses a search, so every test also checks in the protocol trace that the server answered.
 */
class AngusSearchTest {
    @TempDir
    Path dir;
    private ImapTestServer server;
    private Store store;
    private IMAPFolder inbox;
    private final ByteArrayOutputStream trace = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        server = ImapTestServer.start(dir, new ImapTestServer.Options());
        Properties p = new Properties();
        p.put("mail.imap.connectiontimeout", "10000");
        p.put("mail.imap.timeout", "10000");
        Session session = Session.getInstance(p);
        session.setDebug(true);
        session.setDebugOut(new PrintStream(trace, true, StandardCharsets.UTF_8));
        store = session.getStore("imap");
        store.connect("127.0.0.1", server.port(), "alice", ImapTestServer.PASSWORD);
        inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.appendMessages(new Message[] {
            message(session, "alice@example.org", "Quarterly report", "The budget is attached."),
            message(session, "carol@example.org", "Re: Quarterly report", "Thanks for the report."),
            message(session, "juergen@example.de", "Grüße aus Köln", "Schöne Grüße vom Rhein."),
            message(session, "dave@example.org", "Lunch", "Noon at the usual place?")});
        inbox.open(Folder.READ_WRITE);
        inbox.getMessage(1).setFlag(Flags.Flag.SEEN, true);
        inbox.getMessage(2).setFlag(Flags.Flag.FLAGGED, true);
        inbox.getMessage(3).setFlag(Flags.Flag.SEEN, true);
    }

    @AfterEach
    void stop() throws MessagingException {
        if (store.isConnected()) {
            store.close();
        }
        server.close();
    }

    private static MimeMessage message(Session session, String from, String subject, String text)
            throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from, false));
        m.setRecipients(Message.RecipientType.TO, "bob@example.org");
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.saveChanges();
        return m;
    }

    /** The subjects of what {@code term} finds, checking that the server did the search. */
    private List<String> search(SearchTerm term) throws MessagingException {
        trace.reset();
        List<String> subjects = new ArrayList<>();
        for (Message m : inbox.search(term)) {
            subjects.add(m.getSubject());
        }
        String protocol = trace.toString(StandardCharsets.UTF_8);
        assertThat(protocol).contains("SEARCH ").contains("OK SEARCH completed").doesNotContain(" BAD ")
                .doesNotContain(" NO ");
        return subjects;
    }

    @Test
    void advertisesTheSearchExtensions() throws MessagingException {
        IMAPStore imap = (IMAPStore) store;
        for (String cap : List.of("ESEARCH", "SEARCHRES", "WITHIN", "SORT", "SORT=DISPLAY", "THREAD=REFERENCES")) {
            assertThat(imap.hasCapability(cap)).as(cap).isTrue();
        }
    }

    @Test
    void subject() throws MessagingException {
        assertThat(search(new SubjectTerm("quarterly"))).containsExactly("Quarterly report", "Re: Quarterly report");
        assertThat(search(new SubjectTerm("nothing like this"))).isEmpty();
    }

    @Test
    void utf8SubjectGoesAsACharsetLiteral() throws MessagingException {
        // UTF8=ACCEPT is not offered by default (imap.utf8_accept): Angus would enable it and then send one byte
        // per character, so it sends CHARSET UTF-8 with the UTF-8 octets, which work for any script
        assertThat(search(new SubjectTerm("grüße"))).containsExactly("Grüße aus Köln");
        inbox.appendMessages(new Message[] {message(Session.getInstance(new Properties()), "ivan@example.ru",
                "Привет из Москвы", "Текст письма.")});
        assertThat(search(new SubjectTerm("Москв"))).containsExactly("Привет из Москвы");
        assertThat(search(new BodyTerm("письма"))).containsExactly("Привет из Москвы");
        assertThat(trace.toString(StandardCharsets.UTF_8)).contains("CHARSET UTF-8").doesNotContain("ENABLE UTF8");
    }

    @Test
    void flags() throws MessagingException {
        assertThat(search(new FlagTerm(new Flags(Flags.Flag.SEEN), true)))
                .containsExactly("Quarterly report", "Grüße aus Köln");
        assertThat(search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)))
                .containsExactly("Re: Quarterly report", "Lunch");
        assertThat(search(new FlagTerm(new Flags(Flags.Flag.FLAGGED), true))).containsExactly("Re: Quarterly report");
    }

    @Test
    void andOrNot() throws MessagingException {
        assertThat(search(new AndTerm(new SubjectTerm("report"), new FlagTerm(new Flags(Flags.Flag.SEEN), false))))
                .containsExactly("Re: Quarterly report");
        assertThat(search(new OrTerm(new FromStringTerm("dave"), new BodyTerm("rhein"))))
                .containsExactly("Grüße aus Köln", "Lunch");
        assertThat(search(new NotTerm(new SubjectTerm("report")))).containsExactly("Grüße aus Köln", "Lunch");
    }

    @Test
    void receivedDate() throws MessagingException {
        Date yesterday = Date.from(Instant.now().minus(1, ChronoUnit.DAYS));
        Date tomorrow = Date.from(Instant.now().plus(1, ChronoUnit.DAYS));
        assertThat(search(new ReceivedDateTerm(ComparisonTerm.GE, yesterday))).hasSize(4);
        assertThat(search(new ReceivedDateTerm(ComparisonTerm.LT, yesterday))).isEmpty();
        assertThat(search(new AndTerm(new ReceivedDateTerm(ComparisonTerm.GT, yesterday),
                new ReceivedDateTerm(ComparisonTerm.LT, tomorrow)))).hasSize(4);
    }
}
