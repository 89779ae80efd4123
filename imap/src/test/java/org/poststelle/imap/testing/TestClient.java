package org.poststelle.imap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A line-oriented raw IMAP client for tests that need timing or connection-level checks. */
public final class TestClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public TestClient(InetSocketAddress address, int timeoutMillis) {
        try {
            socket = new Socket();
            socket.connect(address, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestClient loggedIn(ImapTestServer server, String user) {
        TestClient c = new TestClient(server.address(), 10_000);
        c.expect("\\* OK .*");
        c.command("L1 LOGIN " + user + " " + ImapTestServer.PASSWORD);
        return c;
    }

    public void send(String raw) {
        try {
            out.write(raw.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line without CRLF; null at end of stream. */
    public String readLine() {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    String s = b.toString(StandardCharsets.UTF_8);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                b.write(c);
            }
            return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("timed out waiting for a line");
        } catch (IOException e) {
            return null;
        }
    }

    public String expect(String regex) {
        String line = readLine();
        assertThat(line).as("server line").isNotNull().matches(regex);
        return line;
    }

    /** Sends a tagged command and returns every line up to its tagged answer, which must be OK. */
    public List<String> command(String line) {
        String tag = line.substring(0, line.indexOf(' '));
        send(line + "\r\n");
        List<String> lines = new ArrayList<>();
        while (true) {
            String l = readLine();
            assertThat(l).as("answer to " + line).isNotNull();
            lines.add(l);
            if (l.startsWith(tag + " ")) {
                assertThat(l).as("answer to " + line).startsWith(tag + " OK");
                return lines;
            }
        }
    }

    /** Whether the server closed the connection (reads until end of stream). */
    public boolean closedByServer() {
        return readLine() == null || drainToEnd();
    }

    private boolean drainToEnd() {
        while (readLine() != null) {
            // skip what is left
        }
        return true;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // test cleanup
        }
    }
}
