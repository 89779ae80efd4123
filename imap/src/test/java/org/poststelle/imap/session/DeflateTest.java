package org.poststelle.imap.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.imap.testing.ImapTestServer;
import org.poststelle.imap.testing.TestClient;

/**
 * COMPRESS=DEFLATE (RFC 4978) with a raw client that inflates and deflates with java.util.zip (raw deflate,
 * nowrap), over a plain connection and over TLS: the OK arrives uncompressed, everything after it
 * compressed, large bodies included, and pushes during IDLE arrive without waiting for more output.
 */
class DeflateTest {
    @TempDir
    Path dir;
    private ImapTestServer server;

    @BeforeEach
    void start() {
        server = ImapTestServer.start(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void plainConnection() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(server.address(), 10_000);
            exercise(socket);
        }
    }

    @Test
    void overTls() throws Exception {
        try (SSLSocket socket = (SSLSocket) server.clientTls().getSocketFactory()
                .createSocket("127.0.0.1", server.tlsPort())) {
            socket.startHandshake();
            exercise(socket);
        }
    }

    @Test
    void idlePushesArriveCompressedAtOnce() throws Exception {
        try (Socket socket = new Socket(); TestClient other = TestClient.loggedIn(server, "alice")) {
            socket.connect(server.address(), 10_000);
            Client c = compressed(socket);
            c.command("s1 SELECT INBOX");
            c.send("i1 IDLE");
            assertThat(c.line()).startsWith("+ ");
            other.command("o1 APPEND INBOX {13+}\r\nSubject: x\r\n");
            assertThat(c.line()).isEqualTo("* 1 EXISTS");
            assertThat(c.line()).isEqualTo("* 1 RECENT");
            c.send("DONE");
            assertThat(c.line()).startsWith("i1 OK");
        }
    }

    @Test
    void aSmallBurstOfManyCommandsIsInflatedAtTheSessionsPace() throws Exception {
        int count = 20_000;
        try (Socket socket = new Socket()) {
            socket.connect(server.address(), 10_000);
            Client c = compressed(socket);
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < count; i++) {
                burst.append('n').append(i).append(" NOOP\r\n");
            }
            c.sendRaw(burst.toString().getBytes(StandardCharsets.US_ASCII));
            c.send("last NOOP");
            for (int i = 0; i < count; i++) {
                assertThat(c.line()).isEqualTo("n" + i + " OK NOOP completed.");
            }
            assertThat(c.line()).isEqualTo("last OK NOOP completed.");
        }
    }

    @Test
    void refusedBeforeLoginAndForUnknownMechanisms() {
        try (TestClient c = new TestClient(server.address(), 10_000)) {
            c.expect("\\* OK .*");
            c.send("a1 COMPRESS DEFLATE\r\n");
            c.expect("a1 BAD .*");
            c.command("a2 LOGIN alice secret");
            c.send("a3 COMPRESS LZ4\r\n");
            c.expect("a3 BAD .*");
            c.send("a4 COMPRESS\r\n");
            c.expect("a4 BAD .*");
            assertThat(String.join(" ", c.command("a5 CAPABILITY"))).contains("COMPRESS=DEFLATE");
        }
    }

    @Test
    void aBrokenStreamClosesTheConnection() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(server.address(), 10_000);
            compressed(socket);
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x00, 0x13});
            out.flush();
            InputStream in = socket.getInputStream();
            try {
                while (in.read() >= 0) {
                    // whatever arrives before the close
                }
            } catch (IOException e) {
                // reset by the server: closed too
            }
        }
    }

    /** Logs in, switches on compression, and checks the usual commands and a large body through it. */
    private void exercise(Socket socket) throws IOException {
        Client c = compressed(socket);
        assertThat(c.command("n1 NOOP")).containsExactly("n1 OK NOOP completed.");
        assertThat(c.command("n2 COMPRESS DEFLATE")).last().asString().startsWith("n2 NO [COMPRESSIONACTIVE]");

        String body = "A line of text that compresses well, repeated many times.\r\n".repeat(4000);
        String message = "Subject: big\r\n\r\n" + body;
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        c.send("p1 APPEND INBOX {" + bytes.length + "+}");
        c.sendRaw(bytes);
        c.send("");
        assertThat(c.line()).startsWith("p1 OK");
        c.command("s1 SELECT INBOX");
        c.send("f1 FETCH 1 BODY.PEEK[]");
        String head = c.line();
        Matcher m = Pattern.compile("\\* 1 FETCH \\(BODY\\[\\] \\{(\\d+)\\}").matcher(head);
        assertThat(m.matches()).as(head).isTrue();
        assertThat(c.bytes(Integer.parseInt(m.group(1)))).isEqualTo(bytes);
        assertThat(c.line()).isEqualTo(")");
        assertThat(c.line()).startsWith("f1 OK");
        assertThat(c.compressedIn()).as("bytes on the wire").isLessThan(bytes.length / 10);
        c.command("l1 LOGOUT");
    }

    /** Greeting, LOGIN and COMPRESS in clear; everything after the OK through java.util.zip. */
    private static Client compressed(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream rawIn = socket.getInputStream();
        OutputStream rawOut = socket.getOutputStream();
        assertThat(clearLine(rawIn)).startsWith("* OK");
        rawOut.write("a LOGIN alice secret\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(clearLine(rawIn)).startsWith("a OK");
        rawOut.write("b COMPRESS DEFLATE\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(clearLine(rawIn)).isEqualTo("b OK DEFLATE active");
        return new Client(rawIn, rawOut);
    }

    /** One line read byte by byte, so that nothing after it is consumed. */
    private static String clearLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            b.write(c);
        }
        String s = b.toString(StandardCharsets.US_ASCII);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** The compressed side of the connection. */
    private static final class Client {
        private final CountingInputStream counted;
        private final InputStream in;
        private final OutputStream out;

        Client(InputStream rawIn, OutputStream rawOut) {
            this.counted = new CountingInputStream(rawIn);
            this.in = new InflaterInputStream(counted, new Inflater(true));
            this.out = new DeflaterOutputStream(rawOut, new Deflater(Deflater.DEFAULT_COMPRESSION, true), true);
        }

        void send(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        void sendRaw(byte[] bytes) throws IOException {
            out.write(bytes);
        }

        String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            try {
                while ((c = in.read()) >= 0 && c != '\n') {
                    b.write(c);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no line within the timeout; so far: " + b);
            }
            String s = b.toString(StandardCharsets.UTF_8);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }

        byte[] bytes(int n) throws IOException {
            return in.readNBytes(n);
        }

        List<String> command(String line) throws IOException {
            String tag = line.substring(0, line.indexOf(' '));
            send(line);
            List<String> lines = new ArrayList<>();
            String l;
            do {
                l = line();
                lines.add(l);
            } while (!l.startsWith(tag + " "));
            return lines;
        }

        long compressedIn() {
            return counted.count;
        }
    }

    private static final class CountingInputStream extends java.io.FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count++;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

}
