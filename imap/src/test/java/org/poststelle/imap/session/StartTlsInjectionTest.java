package org.poststelle.imap.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.imap.testing.ImapTestServer;

/** CVE-2011-0411: commands pipelined in clear behind STARTTLS never run, not even after the handshake. */
class StartTlsInjectionTest {
    @TempDir
    Path dir;

    @Test
    void pipelinedLoginIsDropped() throws Exception {
        try (ImapTestServer server = ImapTestServer.start(dir);
                Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
            plain.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(plain.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = plain.getOutputStream();
            assertThat(in.readLine()).startsWith("* OK");
            out.write("a STARTTLS\r\nb LOGIN alice secret\r\nc SELECT INBOX\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(in.readLine()).isEqualTo("a OK Begin TLS negotiation now.");

            SSLSocket tls = (SSLSocket) server.clientTls().getSocketFactory()
                    .createSocket(plain, "localhost", server.port(), true);
            tls.startHandshake();
            BufferedReader tin = new BufferedReader(new InputStreamReader(tls.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream tout = tls.getOutputStream();
            tout.write("d SELECT INBOX\r\n".getBytes(StandardCharsets.US_ASCII));
            tout.flush();
            // the first line after the handshake answers d: b and c never ran
            assertThat(tin.readLine()).isEqualTo("d BAD SELECT is not valid before login");
            tout.write("e CAPABILITY\r\n".getBytes(StandardCharsets.US_ASCII));
            tout.flush();
            String caps = tin.readLine();
            assertThat(caps).startsWith("* CAPABILITY").contains("AUTH=PLAIN").doesNotContain("STARTTLS");
            assertThat(tin.readLine()).startsWith("e OK");
            tout.write("f LOGIN alice secret\r\n".getBytes(StandardCharsets.US_ASCII));
            tout.flush();
            assertThat(tin.readLine()).startsWith("f OK");
            tls.close();
        }
    }
}
