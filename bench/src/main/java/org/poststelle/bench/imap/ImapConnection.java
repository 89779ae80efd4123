package org.poststelle.bench.imap;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A blocking IMAP client for load generation: tagged commands, responses read line by line with literals
 * skipped by size. Only for loopback benchmarks (certificates are not checked).
 */
final class ImapConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tag;
    /** Bytes of the last response (for throughput figures). */
    long lastBytes;

    ImapConnection(String host, int port, boolean tls) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), 10_000);
        s.setSoTimeout(60_000);
        if (tls) {
            s = trustAll().createSocket(s, host, port, true);
        }
        this.socket = s;
        this.in = s.getInputStream();
        this.out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
        String greeting = readLine();
        if (greeting == null || !greeting.startsWith("* OK")) {
            throw new IOException("bad greeting: " + greeting);
        }
    }

    static SSLSocketFactory trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return ctx.getSocketFactory();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The untagged lines of a command's answer (literal contents left out) and its tagged line. */
    record Response(List<String> untagged, String tagged) {
        boolean ok() {
            int sp = tagged.indexOf(' ');
            return tagged.startsWith("OK", sp + 1);
        }
    }

    Response command(String command) throws IOException {
        return command(command.getBytes(StandardCharsets.UTF_8), null);
    }

    /** A command ending in a non-synchronizing literal (APPEND). */
    Response command(String beforeLiteral, byte[] literal) throws IOException {
        return command((beforeLiteral + " {" + literal.length + "+}\r\n").getBytes(StandardCharsets.UTF_8),
                literal);
    }

    private Response command(byte[] line, byte[] literal) throws IOException {
        String t = "T" + (++tag);
        out.write(t.getBytes(StandardCharsets.US_ASCII));
        out.write(' ');
        out.write(line);
        if (literal != null) {
            out.write(literal);
        }
        out.write('\r');
        out.write('\n');
        out.flush();
        List<String> untagged = new ArrayList<>();
        lastBytes = 0;
        while (true) {
            String l = readLine();
            if (l == null) {
                throw new IOException("connection closed during " + new String(line, StandardCharsets.UTF_8));
            }
            if (l.startsWith(t + " ")) {
                return new Response(untagged, l);
            }
            untagged.add(l);
        }
    }

    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;

    /** A line; literal bytes inside it are read and dropped, leaving {@code {n}} in the text. */
    private String readLine() throws IOException {
        ByteArrayOutputStream b = null;
        while (true) {
            int lf = -1;
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    lf = i;
                    break;
                }
            }
            if (lf < 0) {
                if (b == null) {
                    b = new ByteArrayOutputStream(256);
                }
                b.write(buf, pos, limit - pos);
                lastBytes += limit - pos;
                pos = 0;
                limit = in.read(buf);
                if (limit < 0) {
                    limit = 0;
                    return null;
                }
                continue;
            }
            byte[] bytes;
            int n = lf - pos;
            lastBytes += n + 1;
            if (b == null) {
                bytes = buf;
            } else {
                b.write(buf, pos, n);
                bytes = b.toByteArray();
            }
            int from = b == null ? pos : 0;
            int end = b == null ? lf : bytes.length;
            pos = lf + 1;
            if (end > from && bytes[end - 1] == '\r') {
                end--;
            }
            long literal = literalSize(bytes, from, end);
            if (literal < 0) {
                return new String(bytes, from, end - from, StandardCharsets.ISO_8859_1);
            }
            skip(literal);
            ByteArrayOutputStream keep = new ByteArrayOutputStream(end - from + 64);
            keep.write(bytes, from, end - from);
            b = keep;
        }
    }

    private void skip(long n) throws IOException {
        lastBytes += n;
        long buffered = Math.min(n, limit - pos);
        pos += (int) buffered;
        n -= buffered;
        if (n > 0) {
            in.skipNBytes(n);
        }
    }

    private static long literalSize(byte[] b, int from, int end) {
        if (end == from || b[end - 1] != '}') {
            return -1;
        }
        int i = end - 2;
        while (i >= from && b[i] >= '0' && b[i] <= '9') {
            i--;
        }
        if (i < from || b[i] != '{' || i == end - 2) {
            return -1;
        }
        return Long.parseLong(new String(b, i + 1, end - 2 - i, StandardCharsets.US_ASCII));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
