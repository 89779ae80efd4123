package org.poststelle.imap.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.imap.testing.ImapTestServer;
import org.poststelle.imap.testing.TestClient;

/** FETCH of whole messages counts in poststelle_messages_retrieved{protocol="imap"}, as POP3's RETR does. */
class FetchMetricsTest {
    private static final String MESSAGE = "Subject: counted\r\n\r\nbody\r\n";

    @TempDir
    Path dir;

    @Test
    void wholeMessagesAreCountedPartsAndHeadersAreNot() {
        try (ImapTestServer server = ImapTestServer.start(dir);
                TestClient c = TestClient.loggedIn(server, "alice")) {
            for (int i = 1; i <= 3; i++) {
                c.send("A" + i + " APPEND INBOX {" + MESSAGE.length() + "+}\r\n" + MESSAGE + "\r\n");
                c.expect("A" + i + " OK .*");
            }
            c.command("B1 SELECT INBOX");
            c.command("B2 FETCH 1:3 (FLAGS BODY.PEEK[HEADER] BODY.PEEK[]<0.4> RFC822.SIZE)");
            assertThat(retrieved(server)).isZero();
            c.command("B3 FETCH 1:2 BODY.PEEK[]");
            c.command("B4 UID FETCH 3 RFC822");
            c.command("B5 FETCH 1 BINARY.PEEK[]");
            assertThat(retrieved(server)).isEqualTo(4);
        }
    }

    private static double retrieved(ImapTestServer server) {
        var counter = server.metrics().registry().find("poststelle.messages.retrieved").tag("protocol", "imap")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
