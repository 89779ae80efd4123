package org.poststelle.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A protocol conformance script: client lines and the server lines expected in answer, run over real TCP
 * connections. The format (after Apache James MPT):
 *
 * <pre>
 * # a comment
 * SESSION: a imap        switch to (or open) the session "a" on the endpoint named "imap"
 * C: a1 LOGIN alice secret
 * S: a1 OK .*            the next server line must match this regular expression (whole line)
 * SUB {                  the next lines may arrive in any order
 * S: \* FLAGS .*
 * S: \* 3 EXISTS
 * }
 * CLOSE                  close the current session's connection
 * </pre>
 *
 * A script without SESSION lines uses one session on the endpoint named "default". In C: lines the
 * escapes {@code \r}, {@code \n} and {@code \\} are decoded, and a C: line ending with {@code \} is sent
 * without CRLF (to write pipelined or partial input).
 */
public final class ProtocolScript {
    private sealed interface Step permits Send, Expect, Unordered, Switch, Close {
    }

    private record Send(String text, boolean crlf, int line) implements Step {
    }

    private record Expect(Pattern pattern, int line) implements Step {
    }

    private record Unordered(List<Expect> lines) implements Step {
    }

    private record Switch(String session, String endpoint, int line) implements Step {
    }

    private record Close(int line) implements Step {
    }

    private final String name;
    private final List<Step> steps;

    private ProtocolScript(String name, List<Step> steps) {
        this.name = name;
        this.steps = steps;
    }

    public String name() {
        return name;
    }

    public static ProtocolScript parse(String name, String text) {
        List<Step> steps = new ArrayList<>();
        List<Expect> block = null;
        int n = 0;
        for (String raw : text.split("\r?\n", -1)) {
            n++;
            String line = raw.stripTrailing();
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("C:")) {
                String body = line.length() > 2 && line.charAt(2) == ' ' ? raw.substring(3) : raw.substring(2);
                boolean crlf = true;
                if (body.endsWith("\\") && !body.endsWith("\\\\")) {
                    crlf = false;
                    body = body.substring(0, body.length() - 1);
                }
                steps.add(new Send(unescape(body), crlf, n));
            } else if (line.startsWith("S:")) {
                String regex = line.length() > 2 && line.charAt(2) == ' ' ? line.substring(3) : line.substring(2);
                Expect e = new Expect(Pattern.compile(regex), n);
                if (block != null) {
                    block.add(e);
                } else {
                    steps.add(e);
                }
            } else if (line.equals("SUB {")) {
                block = new ArrayList<>();
            } else if (line.equals("}") && block != null) {
                steps.add(new Unordered(block));
                block = null;
            } else if (line.startsWith("SESSION:")) {
                String[] parts = line.substring("SESSION:".length()).trim().split("\\s+");
                steps.add(new Switch(parts[0], parts.length > 1 ? parts[1] : null, n));
            } else if (line.equals("CLOSE")) {
                steps.add(new Close(n));
            } else {
                throw new IllegalArgumentException(name + ":" + n + ": cannot read script line: " + line);
            }
        }
        return new ProtocolScript(name, steps);
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char d = s.charAt(++i);
                switch (d) {
                    case 'r' -> sb.append('\r');
                    case 'n' -> sb.append('\n');
                    case '\\' -> sb.append('\\');
                    default -> sb.append('\\').append(d);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Runs the script. Fails with an {@link AssertionError} that shows the transcript so far.
     *
     * @param endpoints addresses by endpoint name ("imap", "pop3", or "default")
     * @param timeout how long to wait for any one expected line
     */
    public void run(Map<String, InetSocketAddress> endpoints, Duration timeout) throws IOException {
        Map<String, Conn> sessions = new LinkedHashMap<>();
        StringBuilder transcript = new StringBuilder();
        Conn current = null;
        try {
            for (Step step : steps) {
                if (step instanceof Switch sw) {
                    current = sessions.get(sw.session());
                    if (current == null) {
                        String ep = sw.endpoint() != null ? sw.endpoint() : "default";
                        InetSocketAddress addr = endpoints.get(ep);
                        if (addr == null) {
                            throw fail(transcript, sw.line(), "no endpoint named " + ep);
                        }
                        current = new Conn(sw.session(), addr, timeout);
                        sessions.put(sw.session(), current);
                    }
                    continue;
                }
                if (current == null) {
                    InetSocketAddress addr = endpoints.get("default");
                    if (addr == null) {
                        addr = endpoints.values().iterator().next();
                    }
                    current = new Conn("default", addr, timeout);
                    sessions.put("default", current);
                }
                if (step instanceof Send send) {
                    transcript.append(current.name).append(" C: ").append(send.text()).append('\n');
                    current.send(send.text() + (send.crlf() ? "\r\n" : ""));
                } else if (step instanceof Expect expect) {
                    expectLine(current, expect, transcript);
                } else if (step instanceof Unordered block) {
                    List<Expect> pending = new ArrayList<>(block.lines());
                    while (!pending.isEmpty()) {
                        String got = readLine(current, pending.get(0).line(), transcript);
                        Expect match = null;
                        for (Expect e : pending) {
                            if (e.pattern().matcher(got).matches()) {
                                match = e;
                                break;
                            }
                        }
                        if (match == null) {
                            throw fail(transcript, pending.get(0).line(),
                                    "line matches none of " + pending.stream().map(e -> e.pattern().pattern()).toList());
                        }
                        pending.remove(match);
                    }
                } else if (step instanceof Close close) {
                    current.close();
                    sessions.remove(current.name);
                    current = null;
                }
            }
        } finally {
            for (Conn c : sessions.values()) {
                c.close();
            }
        }
    }

    private void expectLine(Conn c, Expect expect, StringBuilder transcript) throws IOException {
        String got = readLine(c, expect.line(), transcript);
        if (!expect.pattern().matcher(got).matches()) {
            throw fail(transcript, expect.line(), "expected /" + expect.pattern().pattern() + "/");
        }
    }

    private String readLine(Conn c, int scriptLine, StringBuilder transcript) throws IOException {
        String got;
        try {
            got = c.readLine();
        } catch (SocketTimeoutException e) {
            throw fail(transcript, scriptLine, "timed out waiting for a server line");
        }
        if (got == null) {
            throw fail(transcript, scriptLine, "connection closed by server");
        }
        transcript.append(c.name).append(" S: ").append(got).append('\n');
        return got;
    }

    private AssertionError fail(StringBuilder transcript, int line, String why) {
        return new AssertionError(name + ":" + line + ": " + why + "\n--- transcript ---\n" + transcript);
    }

    private static final class Conn implements AutoCloseable {
        final String name;
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Conn(String name, InetSocketAddress addr, Duration timeout) throws IOException {
            this.name = name;
            this.socket = new Socket();
            socket.connect(addr, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            this.in = new java.io.BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        void send(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** A line without its CRLF (or bare LF); null at end of stream. */
        String readLine() throws IOException {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    byte[] bytes = buf.toByteArray();
                    int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, len, StandardCharsets.UTF_8);
                }
                buf.write(b);
                if (buf.size() > 1 << 20) {
                    throw new IOException("server line longer than 1 MiB");
                }
            }
            return buf.size() == 0 ? null : buf.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a test socket; nothing to do
            }
        }
    }
}
