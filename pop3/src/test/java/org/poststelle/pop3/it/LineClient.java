package org.poststelle.pop3.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A raw POP3 line client for tests: exact bytes in, exact lines out. */
public final class LineClient implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final String greeting;

    public LineClient(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.connect(address, 5000);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        greeting = readLine();
    }

    /** Connects with implicit TLS. */
    public LineClient(InetSocketAddress address, SSLContext tls) throws IOException {
        Socket plain = new Socket();
        plain.connect(address, 5000);
        plain.setSoTimeout(10_000);
        socket = handshake(tls, plain, address);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        greeting = readLine();
    }

    private static SSLSocket handshake(SSLContext tls, Socket plain, InetSocketAddress address) throws IOException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, "localhost", address.getPort(), true);
        s.startHandshake();
        return s;
    }

    /** Continues the connection in TLS (after the server's +OK to STLS). */
    public void startTls(SSLContext tls) throws IOException {
        socket = handshake(tls, socket, (InetSocketAddress) socket.getRemoteSocketAddress());
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    public String greeting() {
        return greeting;
    }

    public void sendRaw(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public void sendRaw(byte[] b) throws IOException {
        out.write(b);
        out.flush();
    }

    /** Sends a command and returns the first answer line. */
    public String send(String command) throws IOException {
        sendRaw(command + "\r\n");
        return readLine();
    }

    /** Sends a command and asserts that the answer starts with {@code prefix}. */
    public String expect(String command, String prefix) throws IOException {
        String answer = send(command);
        assertThat(answer).as("answer to %s", command.startsWith("PASS") ? "PASS" : command).startsWith(prefix);
        return answer;
    }

    public void login(String user, String password) throws IOException {
        expect("USER " + user, "+OK");
        expect("PASS " + password, "+OK");
    }

    /** A line without its CRLF; null at end of stream. */
    public String readLine() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = buf.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            buf.write(b);
        }
        return buf.size() == 0 ? null : buf.toString(StandardCharsets.UTF_8);
    }

    /** The lines of a multi-line answer, un-stuffed, without the terminating ".". */
    public List<String> readMultiLine() throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while (!(line = readLine()).equals(".")) {
            lines.add(line.startsWith("..") ? line.substring(1) : line);
        }
        return lines;
    }

    /** The raw bytes of a multi-line body as the message was stored (un-stuffed, CRLF), without the ".". */
    public byte[] readBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String line : readMultiLine()) {
            body.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(new byte[] {'\r', '\n'});
        }
        return body.toByteArray();
    }

    /** True when the server closed the connection (reads until end of stream). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    /** Drops the TCP connection without QUIT. */
    public void drop() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
