package org.poststelle.imap.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.imap.testing.ImapTestServer;
import org.poststelle.imap.testing.TestClient;

/**
 * OBJECTID (RFC 8474) across commands: the ids a client keeps must be the same in every answer that carries
 * them, a copy keeps the EMAILID, a renamed mailbox its MAILBOXID. (The scripts cannot compare one answer's
 * value with another's.)
 */
class ObjectIdTest {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    @TempDir
    Path dir;

    @Test
    void mailboxIdIsTheSameInCreateSelectStatusAndSurvivesRename() {
        try (ImapTestServer server = ImapTestServer.start(dir);
                TestClient c = TestClient.loggedIn(server, "alice")) {
            String created = id(last(c.command("a CREATE Projects")), "OK \\[MAILBOXID \\((.*?)\\)\\] CREATE");
            assertThat(created).matches(ID);
            String selected = id(c.command("b SELECT Projects"), "\\* OK \\[MAILBOXID \\((.*?)\\)\\].*");
            String status = id(c.command("c STATUS Projects (MAILBOXID MESSAGES)"),
                    "\\* STATUS Projects \\(MAILBOXID \\((.*?)\\) MESSAGES 0\\)");
            assertThat(selected).isEqualTo(created);
            assertThat(status).isEqualTo(created);

            c.command("d UNSELECT");
            c.command("e RENAME Projects Archive");
            assertThat(id(c.command("f STATUS Archive (MAILBOXID)"), "\\* STATUS Archive \\(MAILBOXID \\((.*?)\\)\\)"))
                    .isEqualTo(created);
            assertThat(id(c.command("g EXAMINE Archive"), "\\* OK \\[MAILBOXID \\((.*?)\\)\\].*")).isEqualTo(created);

            String inbox = id(c.command("h STATUS INBOX (MAILBOXID)"), "\\* STATUS INBOX \\(MAILBOXID \\((.*?)\\)\\)");
            assertThat(inbox).matches(ID).isNotEqualTo(created);
        }
    }

    @Test
    void emailIdIsStableAndKeptByCopyAndMove() {
        try (ImapTestServer server = ImapTestServer.start(dir);
                TestClient c = TestClient.loggedIn(server, "alice")) {
            c.command("a CREATE Other");
            append(c, "p1", "First");
            append(c, "p2", "Second");
            c.command("b SELECT INBOX");
            List<String> lines = c.command("c FETCH 1:2 (EMAILID THREADID)");
            String first = id(lines, "\\* 1 FETCH \\(EMAILID \\((.*?)\\) THREADID NIL\\)");
            String second = id(lines, "\\* 2 FETCH \\(EMAILID \\((.*?)\\) THREADID NIL\\)");
            assertThat(first).matches(ID).isNotEqualTo(second);
            assertThat(id(c.command("d UID FETCH 1 EMAILID"), "\\* 1 FETCH \\(UID 1 EMAILID \\((.*?)\\)\\)"))
                    .isEqualTo(first);

            c.command("e COPY 1 Other");
            c.command("f MOVE 2 Other");
            c.command("g EXAMINE Other");
            lines = c.command("h FETCH 1:2 EMAILID");
            assertThat(id(lines, "\\* 1 FETCH \\(EMAILID \\((.*?)\\)\\)")).isEqualTo(first);
            assertThat(id(lines, "\\* 2 FETCH \\(EMAILID \\((.*?)\\)\\)")).isEqualTo(second);
            // SEARCH EMAILID finds the copy by the same id
            assertThat(c.command("i SEARCH EMAILID " + first)).contains("* SEARCH 1");
        }
    }

    private static void append(TestClient c, String tag, String subject) {
        String msg = "From: a@example.org\r\nSubject: " + subject + "\r\n\r\nbody\r\n";
        c.command(tag + " APPEND INBOX {" + msg.length() + "+}\r\n" + msg);
    }

    private static String last(List<String> lines) {
        return lines.get(lines.size() - 1);
    }

    private static String id(String line, String regex) {
        return id(List.of(line), ".*" + regex + ".*");
    }

    private static String id(List<String> lines, String regex) {
        Pattern p = Pattern.compile(regex);
        for (String l : lines) {
            Matcher m = p.matcher(l);
            if (m.matches()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no line matches " + regex + " in " + lines);
    }
}
