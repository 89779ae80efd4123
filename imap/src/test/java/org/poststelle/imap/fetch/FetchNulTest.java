package org.poststelle.imap.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.poststelle.imap.testing.ImapTestServer;

/**
 * NUL stored by a literal8 APPEND goes out as 0x80 in every plain literal (BODY[...], RFC822*), with the
 * stored length, while BINARY[] still sends it in a literal8. Over the plain listener and over TLS, for a
 * small message (read into memory) and one larger than FetchPump's READ_NOW (a file region on a plain
 * connection when there is no NUL, a stream otherwise).
 */
class FetchNulTest {
    private static final int LARGE_BODY = 100_000; // > FetchPump.READ_NOW (64 KiB)

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void nulIsSentAs0x80InPlainLiteralsAndAsItIsInBinary(boolean tls) throws Exception {
        byte[] small = message("X-Nul: a\0b\r\n", "A\0B\0C\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] bodyLarge = new byte[LARGE_BODY];
        Arrays.fill(bodyLarge, (byte) 'x');
        for (int i = 76; i < bodyLarge.length; i += 78) {
            bodyLarge[i] = '\r';
            bodyLarge[i + 1] = '\n';
        }
        int[] nuls = {0, 5, 70_000, LARGE_BODY - 3};
        for (int n : nuls) {
            bodyLarge[n] = 0;
        }
        byte[] large = message("", bodyLarge);
        int largeHeader = large.length - bodyLarge.length;

        try (ImapTestServer server = ImapTestServer.start(dir);
                RawImapClient c = tls ? RawImapClient.tls(server) : RawImapClient.plain(server)) {
            c.appendLiteral8(small);
            c.appendLiteral8(large);
            c.send("b EXAMINE INBOX\r\n");
            c.untilTagged("b");

            c.send("c FETCH 1 (BODY.PEEK[] BODY.PEEK[TEXT] BODY.PEEK[HEADER.FIELDS (X-Nul)] BODY.PEEK[]<0.40>"
                    + " RFC822.HEADER BINARY.PEEK[])\r\n");
            assertThat(c.line()).isEqualTo("* 1 FETCH (BODY[] {" + small.length + "}");
            assertThat(c.bytes(small.length)).isEqualTo(replaced(small));
            assertThat(c.line()).isEqualTo(" BODY[TEXT] {7}");
            assertThat(c.bytes(7)).isEqualTo("A\u0080B\u0080C\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(c.line()).isEqualTo(" BODY[HEADER.FIELDS (X-NUL)] {14}");
            assertThat(c.bytes(14)).isEqualTo("X-Nul: a\u0080b\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(c.line()).isEqualTo(" BODY[]<0> {40}");
            assertThat(c.bytes(40)).isEqualTo(replaced(Arrays.copyOf(small, 40)));
            int smallHeader = small.length - 7;
            assertThat(c.line()).isEqualTo(" RFC822.HEADER {" + smallHeader + "}");
            assertThat(c.bytes(smallHeader)).isEqualTo(replaced(Arrays.copyOf(small, smallHeader)));
            assertThat(c.line()).isEqualTo(" BINARY[] ~{" + small.length + "}");
            assertThat(c.bytes(small.length)).isEqualTo(small);
            assertThat(c.line()).isEqualTo(")");
            assertThat(c.line()).startsWith("c OK");

            c.send("d FETCH 2 (BODY.PEEK[] BODY.PEEK[TEXT] BODY.PEEK[]<69990.20> BODY.PEEK[]<1000.80000> RFC822"
                    + " RFC822.TEXT BINARY.PEEK[])\r\n");
            assertThat(c.line()).isEqualTo("* 2 FETCH (BODY[] {" + large.length + "}");
            assertThat(c.bytes(large.length)).isEqualTo(replaced(large));
            assertThat(c.line()).isEqualTo(" BODY[TEXT] {" + LARGE_BODY + "}");
            assertThat(c.bytes(LARGE_BODY)).isEqualTo(replaced(bodyLarge));
            assertThat(c.line()).isEqualTo(" BODY[]<69990> {20}");
            assertThat(c.bytes(20)).isEqualTo(replaced(Arrays.copyOfRange(large, 69_990, 70_010)));
            assertThat(c.line()).isEqualTo(" BODY[]<1000> {80000}");
            byte[] window = c.bytes(80_000);
            assertThat(window).isEqualTo(replaced(Arrays.copyOfRange(large, 1000, 81_000)));
            assertThat(window[largeHeader + 70_000 - 1000]).isEqualTo((byte) 0x80);
            assertThat(c.line()).isEqualTo(" RFC822 {" + large.length + "}");
            assertThat(c.bytes(large.length)).isEqualTo(replaced(large));
            assertThat(c.line()).isEqualTo(" RFC822.TEXT {" + LARGE_BODY + "}");
            assertThat(c.bytes(LARGE_BODY)).isEqualTo(replaced(bodyLarge));
            assertThat(c.line()).isEqualTo(" BINARY[] ~{" + large.length + "}");
            assertThat(c.bytes(large.length)).isEqualTo(large);
            assertThat(c.line()).isEqualTo(")");
            assertThat(c.line()).startsWith("d OK");

            // a large message without NUL still comes back exactly as stored
            byte[] clean = message("", replaced(bodyLarge));
            c.appendLiteral8(clean);
            c.send("e FETCH 3 BODY.PEEK[]\r\n");
            assertThat(c.line()).isEqualTo("* 3 FETCH (BODY[] {" + clean.length + "}");
            assertThat(c.bytes(clean.length)).isEqualTo(clean);
            assertThat(c.line()).isEqualTo(")");
            c.untilTagged("e");
        }
    }

    private static byte[] message(String extraHeader, byte[] body) throws IOException {
        byte[] header = ("From: a@example.org\r\nSubject: nul\r\n" + extraHeader
                + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] m = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, m, header.length, body.length);
        return m;
    }

    private static byte[] replaced(byte[] b) {
        byte[] r = b.clone();
        for (int i = 0; i < r.length; i++) {
            if (r[i] == 0) {
                r[i] = (byte) 0x80;
            }
        }
        return r;
    }
}
