package org.poststelle.imap.handler;

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
 * QRESYNC resynchronisation (RFC 7162 section 3.2.5) with two sessions: one leaves with UIDVALIDITY and
 * HIGHESTMODSEQ, another changes the mailbox, the first comes back with {@code SELECT (QRESYNC ...)} and
 * learns exactly what changed. (The scripts cannot carry a UIDVALIDITY from one line to the next.)
 */
class QresyncTest {
    @TempDir
    Path dir;

    private record Known(long uidValidity, long highestModSeq) {
    }

    @Test
    void vanishedAndChangedMessagesSinceTheClientsModseq() {
        try (ImapTestServer server = ImapTestServer.start(dir)) {
            Known known = prepare(server, 6);
            change(server);
            try (TestClient c = TestClient.loggedIn(server, "alice")) {
                c.command("e ENABLE QRESYNC");
                List<String> lines = c.command("s SELECT box (QRESYNC (" + known.uidValidity() + " "
                        + known.highestModSeq() + "))");
                assertThat(lines).contains("* 6 EXISTS", "* VANISHED (EARLIER) 3,5");
                assertThat(fetches(lines)).containsExactly(
                        "* 2 FETCH (UID 2 FLAGS (\\Flagged) MODSEQ (" + (known.highestModSeq() + 1) + "))",
                        "* 5 FETCH (UID 7 FLAGS (\\Recent) MODSEQ (" + (known.highestModSeq() + 4) + "))",
                        "* 6 FETCH (UID 8 FLAGS (\\Recent) MODSEQ (" + (known.highestModSeq() + 5) + "))");
                assertThat(indexOf(lines, "* VANISHED")).isLessThan(indexOf(lines, "* 2 FETCH"));
                assertThat(lines.get(lines.size() - 1)).startsWith("s OK [READ-WRITE]");

                // with the UIDs the client knows: only those are reported
                lines = c.command("t EXAMINE box (QRESYNC (" + known.uidValidity() + " " + known.highestModSeq()
                        + " 1:3,6 (1:4 1:3,6)))");
                assertThat(lines).contains("* VANISHED (EARLIER) 3").doesNotContain("* VANISHED (EARLIER) 3,5");
                // nothing changed since the current modseq
                long now = highestModSeq(lines);
                lines = c.command("u SELECT box (QRESYNC (" + known.uidValidity() + " " + now + "))");
                assertThat(lines).noneMatch(l -> l.startsWith("* VANISHED") || l.contains(" FETCH "));
            }
        }
    }

    @Test
    void withoutExpungeHistoryEveryKnownUidThatIsGoneIsReported() {
        ImapTestServer.Options options = new ImapTestServer.Options().store("expunge_history", 1);
        try (ImapTestServer server = ImapTestServer.start(dir, options)) {
            Known known = prepare(server, 7);
            change(server);
            try (TestClient c = TestClient.loggedIn(server, "alice")) {
                c.command("e ENABLE QRESYNC");
                // UID 7 was gone before the client's modseq: reported again, as the history cannot tell
                List<String> lines = c.command("s SELECT box (QRESYNC (" + known.uidValidity() + " "
                        + known.highestModSeq() + " 1:7))");
                assertThat(lines).contains("* VANISHED (EARLIER) 3,5,7");
                lines = c.command("f UID FETCH 1:7 (UID) (CHANGEDSINCE " + known.highestModSeq() + " VANISHED)");
                assertThat(lines).contains("* VANISHED (EARLIER) 3,5,7");
            }
        }
    }

    @Test
    void withExpungeHistoryOnlyWhatVanishedSinceIsReported() {
        try (ImapTestServer server = ImapTestServer.start(dir)) {
            Known known = prepare(server, 7);
            change(server);
            try (TestClient c = TestClient.loggedIn(server, "alice")) {
                c.command("e ENABLE QRESYNC");
                List<String> lines = c.command("s SELECT box (QRESYNC (" + known.uidValidity() + " "
                        + known.highestModSeq() + " 1:7))");
                assertThat(lines).contains("* VANISHED (EARLIER) 3,5");
            }
        }
    }

    /**
     * Creates "box" with messages 1 to 6 (and a 7th that is expunged at once when {@code n} is 7) and leaves
     * like a client going offline; what it knew.
     */
    private static Known prepare(ImapTestServer server, int n) {
        try (TestClient c = TestClient.loggedIn(server, "alice")) {
            c.command("c CREATE box");
            for (int i = 1; i <= n; i++) {
                c.command("a" + i + " APPEND box (\\Seen) {12+}\r\nSubject: " + i + "\r\n");
            }
            if (n == 7) {
                c.command("s0 SELECT box");
                c.command("d0 UID STORE 7 +FLAGS.SILENT (\\Deleted)");
                c.command("x0 UID EXPUNGE 7");
            }
            c.command("e ENABLE QRESYNC");
            List<String> lines = c.command("s SELECT box");
            long uidValidity = Long.parseLong(code(lines, "UIDVALIDITY"));
            c.command("l LOGOUT");
            return new Known(uidValidity, highestModSeq(lines));
        }
    }

    /** Another session: a flag change, two expunges, two new messages. */
    private static void change(ImapTestServer server) {
        try (TestClient c = TestClient.loggedIn(server, "alice")) {
            c.command("s SELECT box");
            c.command("f UID STORE 2 FLAGS.SILENT (\\Flagged)");
            c.command("d UID STORE 3,5 +FLAGS.SILENT (\\Deleted)");
            c.command("x UID EXPUNGE 3,5");
            c.command("u CLOSE");
            c.command("a7 APPEND box {12+}\r\nSubject: 7\r\n");
            c.command("a8 APPEND box {12+}\r\nSubject: 8\r\n");
        }
    }

    private static long highestModSeq(List<String> lines) {
        return Long.parseLong(code(lines, "HIGHESTMODSEQ"));
    }

    private static String code(List<String> lines, String name) {
        Pattern p = Pattern.compile("\\* OK \\[" + name + " (\\d+)\\].*");
        for (String l : lines) {
            Matcher m = p.matcher(l);
            if (m.matches()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no " + name + " in " + lines);
    }

    private static List<String> fetches(List<String> lines) {
        return lines.stream().filter(l -> l.contains(" FETCH ")).toList();
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
