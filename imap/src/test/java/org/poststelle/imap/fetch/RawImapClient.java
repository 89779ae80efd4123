package org.poststelle.imap.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.poststelle.imap.testing.ImapTestServer;

/** A logged-in client that reads octets as they are (literal data with NUL or 0x80 is not text). */
final class RawImapClient implements AutoCloseable {
    final Socket socket;
    final InputStream in;
    final OutputStream out;

    /** Over the plain listener, where large bodies may go out as zero-copy file regions. */
    static RawImapClient plain(ImapTestServer server) throws IOException {
        Socket socket = new Socket();
        socket.connect(server.address(), 10_000);
        return new RawImapClient(socket);
    }

    /** Over the implicit-TLS listener, where bodies are streamed. */
    static RawImapClient tls(ImapTestServer server) throws IOException {
        return new RawImapClient(server.clientTls().getSocketFactory().createSocket("127.0.0.1", server.tlsPort()));
    }

    private RawImapClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(20_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        assertThat(line()).startsWith("* OK");
        send("l LOGIN alice " + ImapTestServer.PASSWORD + "\r\n");
        untilTagged("l");
    }

    void send(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** APPENDs to INBOX as a literal8 ({@code ~{n}}), which may carry NUL. */
    void appendLiteral8(byte[] message) throws IOException {
        send("a APPEND INBOX ~{" + message.length + "}\r\n");
        assertThat(line()).startsWith("+");
        out.write(message);
        send("\r\n");
        String l;
        do {
            l = line(); // "* n EXISTS" first when INBOX is selected
        } while (l.startsWith("* "));
        assertThat(l).startsWith("a OK [APPENDUID");
    }

    String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int x;
        while ((x = in.read()) >= 0 && x != '\n') {
            b.write(x);
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    byte[] bytes(int n) throws IOException {
        return in.readNBytes(n);
    }

    void untilTagged(String tag) throws IOException {
        String l;
        do {
            l = line();
            assertThat(l).isNotEmpty();
        } while (!l.startsWith(tag + " "));
        assertThat(l).startsWith(tag + " OK");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
