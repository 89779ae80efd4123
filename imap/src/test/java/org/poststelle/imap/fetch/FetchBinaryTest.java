package org.poststelle.imap.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.imap.testing.ImapTestServer;

/**
 * BINARY (RFC 3516) with octets the scripts cannot carry: a literal8 APPEND with NUL that comes back as it
 * went in, and a base64 part larger than what is decoded in memory (decoded twice, streamed), whole and in
 * partials, compared byte for byte.
 */
class FetchBinaryTest {
    @TempDir
    Path dir;

    @Test
    void literal8AppendIsStoredAsSentAndFetchedAsLiteral8() throws Exception {
        byte[] message = ("From: a@example.org\r\nSubject: nul\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: binary\r\n\r\nA\0B\0C\r\n").getBytes(StandardCharsets.US_ASCII);
        try (ImapTestServer server = ImapTestServer.start(dir);
                RawImapClient c = RawImapClient.plain(server)) {
            c.appendLiteral8(message);
            c.send("b EXAMINE INBOX\r\n");
            c.untilTagged("b");

            c.send("c FETCH 1 (BINARY.SIZE[] BINARY.PEEK[] BINARY.PEEK[1])\r\n");
            String head = c.line();
            assertThat(head).isEqualTo("* 1 FETCH (BINARY.SIZE[] " + message.length + " BINARY[] ~{" + message.length
                    + "}");
            assertThat(c.bytes(message.length)).isEqualTo(message);
            assertThat(c.line()).isEqualTo(" BINARY[1] ~{7}");
            assertThat(c.bytes(7)).isEqualTo("A\0B\0C\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(c.line()).isEqualTo(")");
            assertThat(c.line()).startsWith("c OK");
        }
    }

    @Test
    void largeBase64PartIsDecodedWholeAndInPartials() throws Exception {
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        for (int i = 0; i < data.length; i++) {
            data[i] = data[i] == 0 ? 1 : data[i];
        }
        data[200_000] = 0; // the only NUL
        String b64 = Base64.getMimeEncoder().encodeToString(data);
        String message = "From: a@example.org\r\nSubject: big\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n"
                + "--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64
                + "\r\n--b--\r\n";
        try (ImapTestServer server = ImapTestServer.start(dir);
                RawImapClient c = RawImapClient.plain(server)) {
            c.send("a APPEND INBOX {" + message.length() + "+}\r\n" + message + "\r\n");
            assertThat(c.line()).startsWith("a OK");
            c.send("b SELECT INBOX\r\n");
            c.untilTagged("b");

            c.send("c FETCH 1 (BINARY.SIZE[2] BINARY.PEEK[2])\r\n");
            assertThat(c.line()).isEqualTo("* 1 FETCH (BINARY.SIZE[2] " + data.length + " BINARY[2] ~{" + data.length
                    + "}");
            assertThat(c.bytes(data.length)).isEqualTo(data);
            assertThat(c.line()).isEqualTo(")");
            assertThat(c.line()).startsWith("c OK");

            // a window before the NUL is a plain literal; one across it a literal8; one past the end empty
            c.send("d FETCH 1 (BINARY.PEEK[2]<100000.5000> BINARY.PEEK[2]<199990.20> BINARY.PEEK[2]<400000.5>)\r\n");
            Matcher m = Pattern.compile("\\* 1 FETCH \\(BINARY\\[2\\]<100000> \\{5000\\}").matcher(c.line());
            assertThat(m.matches()).isTrue();
            assertThat(c.bytes(5000)).isEqualTo(Arrays.copyOfRange(data, 100_000, 105_000));
            assertThat(c.line()).isEqualTo(" BINARY[2]<199990> ~{20}");
            assertThat(c.bytes(20)).isEqualTo(Arrays.copyOfRange(data, 199_990, 200_010));
            assertThat(c.line()).isEqualTo(" BINARY[2]<400000> {0}");
            assertThat(c.line()).isEqualTo(")");
            assertThat(c.line()).startsWith("d OK");

            // without PEEK: \Seen, reported after the data
            c.send("e FETCH 1 BINARY[2]<0.3>\r\n");
            assertThat(c.line()).matches("\\* 1 FETCH \\(BINARY\\[2\\]<0> ~?\\{3\\}");
            assertThat(c.bytes(3)).isEqualTo(Arrays.copyOfRange(data, 0, 3));
            assertThat(c.line()).isEqualTo(" FLAGS (\\Seen \\Recent))");
        }
    }
}
