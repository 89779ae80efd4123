package org.poststelle.bench.pop3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** A minimal, allocation-light POP3 client for load generation: status lines and multi-line bodies. */
final class Pop3Connection implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int end;

    Pop3Connection(String host, int port, SSLSocketFactory implicitTls, int timeoutMillis) throws IOException {
        Socket plain = new Socket();
        plain.setTcpNoDelay(true);
        plain.connect(new InetSocketAddress(host, port), timeoutMillis);
        plain.setSoTimeout(timeoutMillis);
        socket = plain;
        if (implicitTls != null) {
            socket = tls(implicitTls, plain, host, port);
        }
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    private static Socket tls(SSLSocketFactory factory, Socket plain, String host, int port) throws IOException {
        SSLSocket s = (SSLSocket) factory.createSocket(plain, host, port, true);
        s.startHandshake();
        return s;
    }

    /** STLS: after the +OK the same socket continues in TLS. */
    void startTls(SSLSocketFactory factory, String host, int port) throws IOException {
        command("STLS");
        socket = tls(factory, socket, host, port);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        pos = end = 0;
    }

    void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Several commands in one write (PIPELINING). */
    void sendAll(StringBuilder lines) throws IOException {
        out.write(lines.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends a command and returns its +OK line; an -ERR line throws. */
    String command(String line) throws IOException {
        send(line);
        return status(line);
    }

    String status(String what) throws IOException {
        String s = readLine();
        if (!s.startsWith("+OK")) {
            throw new IOException((what.startsWith("PASS") ? "PASS" : what) + " -> " + s);
        }
        return s;
    }

    String readLine() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            if (pos == end && !fill()) {
                throw new IOException("connection closed");
            }
            byte b = buf[pos++];
            if (b == '\n') {
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') {
                    sb.setLength(n - 1);
                }
                return sb.toString();
            }
            sb.append((char) (b & 0xff));
        }
    }

    /** Reads a multi-line body up to and including the "." line; returns the octets before it. */
    long skipMultiLine() throws IOException {
        long count = 0;
        boolean lineStart = true;
        while (true) {
            if (pos == end && !fill()) {
                throw new IOException("connection closed inside a multi-line answer");
            }
            if (lineStart && buf[pos] == '.') {
                // "." CRLF ends it; ".." is a stuffed dot
                if (!ensure(3)) {
                    throw new IOException("connection closed inside a multi-line answer");
                }
                if (buf[pos + 1] == '\r' && buf[pos + 2] == '\n') {
                    pos += 3;
                    return count;
                }
            }
            int i = indexOfLf(buf, pos, end);
            if (i >= 0) {
                count += i + 1 - pos;
                pos = i + 1;
                lineStart = true;
            } else {
                count += end - pos;
                pos = end;
                lineStart = false;
            }
        }
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** The first LF in b[from, to) or -1, eight bytes per step (so the client is not what limits the benchmark). */
    private static int indexOfLf(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
            long t = ~(((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x | 0x7F7F7F7F7F7F7F7FL);
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean ensure(int n) throws IOException {
        while (end - pos < n) {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, end - pos);
                end -= pos;
                pos = 0;
            }
            int r = in.read(buf, end, buf.length - end);
            if (r < 0) {
                return false;
            }
            end += r;
        }
        return true;
    }

    private boolean fill() throws IOException {
        int r = in.read(buf, 0, buf.length);
        if (r < 0) {
            return false;
        }
        pos = 0;
        end = r;
        return true;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the benchmark is done with it
        }
    }
}
