package org.poststelle.bench.imap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code imap-load}: an imaptest-like load. Each client owns some users and loops over them: LOGIN, SELECT
 * INBOX, FETCH flags and headers of every message, STORE flags on one, APPEND one, STORE \Deleted on the
 * oldest and EXPUNGE it (so the mailbox keeps its size), LOGOUT. Commands per second per command type and
 * latency percentiles are printed for each target; several {@code --target name=host:port} are run one
 * after the other with the same load and compared.
 */
final class LoadGenerator {
    static final List<String> COMMANDS = List.of("LOGIN", "SELECT", "FETCH", "STORE", "APPEND", "EXPUNGE",
            "LOGOUT");

    private LoadGenerator() {
    }

    static void run(String[] argv) throws Exception {
        ImapBench.quietLogging();
        Options o = new Options(argv, List.of("tls"));
        List<String> targets = o.all("target");
        if (targets.isEmpty()) {
            targets = List.of(o.string("host", "127.0.0.1") + ":" + o.integer("port", 143));
        }
        List<String> users = Options.users(o.string("users", "user1..user50"));
        String password = o.string("password", "pass");
        int clients = o.integer("clients", 20);
        int messages = o.integer("messages", 20);
        Duration duration = o.duration("duration", Duration.ofSeconds(30));
        Duration warmup = o.duration("warmup", Duration.ofSeconds(5));
        boolean tls = o.flag("tls");
        Map<String, Result> results = new LinkedHashMap<>();
        System.out.printf(Locale.ROOT, "imap-load: %d clients, %d users, %d messages per INBOX, %s%s, warm-up %ds,"
                + " measured %ds%n", clients, users.size(), messages, tls ? "implicit TLS" : "plain",
                "", warmup.toSeconds(), duration.toSeconds());
        for (String target : targets) {
            String name = target.contains("=") ? target.substring(0, target.indexOf('=')) : target;
            String hostPort = target.substring(target.indexOf('=') + 1);
            String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
            int port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
            seed(host, port, tls, users, password, messages);
            Result r = load(host, port, tls, users, password, clients, warmup, duration);
            results.put(name, r);
            r.print(name + " (" + hostPort + ")");
        }
        if (results.size() > 1) {
            compare(results);
        }
    }

    /** Brings every INBOX to {@code messages} messages. */
    static void seed(String host, int port, boolean tls, List<String> users, String password, int messages)
            throws IOException {
        for (String user : users) {
            try (ImapConnection c = new ImapConnection(host, port, tls)) {
                check(c.command("LOGIN " + user + " " + password));
                ImapConnection.Response st = c.command("STATUS INBOX (MESSAGES)");
                int have = 0;
                for (String l : st.untagged()) {
                    if (l.startsWith("* STATUS")) {
                        String n = l.substring(l.indexOf("MESSAGES ") + 9);
                        have = Integer.parseInt(n.replaceAll("\\D.*", ""));
                    }
                }
                for (int i = have; i < messages; i++) {
                    check(c.command("APPEND INBOX", message(user, i)));
                }
                c.command("LOGOUT");
            }
        }
    }

    static byte[] message(String user, int n) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        StringBuilder sb = new StringBuilder(3000);
        sb.append("Return-Path: <sender").append(n).append("@example.org>\r\n")
                .append("Received: from mx.example.org by mail.example.net; Mon, 6 Jan 2025 10:00:00 +0100\r\n")
                .append("From: Sender ").append(n).append(" <sender").append(n).append("@example.org>\r\n")
                .append("To: ").append(user).append("@example.net\r\n")
                .append("Subject: Benchmark message ").append(n).append(' ').append(rnd.nextInt(1_000_000))
                .append("\r\n")
                .append("Date: Mon, 6 Jan 2025 10:00:00 +0100\r\n")
                .append("Message-ID: <").append(System.nanoTime()).append('.').append(n).append("@example.org>\r\n")
                .append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n");
        int lines = 20 + rnd.nextInt(40);
        for (int i = 0; i < lines; i++) {
            sb.append("Lorem ipsum dolor sit amet, consectetur adipiscing elit, line ").append(i).append(".\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void check(ImapConnection.Response r) throws IOException {
        if (!r.ok()) {
            throw new IOException("command failed: " + r.tagged());
        }
    }

    /** Latencies of one command type (nanoseconds), collected by all clients. */
    static final class Latencies {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized long[] sorted() {
            long[] v = Arrays.copyOf(values, size);
            Arrays.sort(v);
            return v;
        }
    }

    /** The counters of one target. */
    static final class Result {
        final Map<String, Latencies> latencies = new LinkedHashMap<>();
        final LongAdder sessions = new LongAdder();
        final LongAdder errors = new LongAdder();
        volatile String firstError;
        double seconds;

        Result() {
            for (String c : COMMANDS) {
                latencies.put(c, new Latencies());
            }
        }

        long total() {
            long t = 0;
            for (Latencies l : latencies.values()) {
                t += l.sorted().length;
            }
            return t;
        }

        void print(String title) {
            System.out.printf(Locale.ROOT, "%n%s%n%-8s %9s %10s %8s %8s %8s%n", title, "command", "count", "per s",
                    "p50 ms", "p95 ms", "p99 ms");
            for (Map.Entry<String, Latencies> e : latencies.entrySet()) {
                long[] v = e.getValue().sorted();
                System.out.printf(Locale.ROOT, "%-8s %9d %10.1f %8.2f %8.2f %8.2f%n", e.getKey(), v.length,
                        v.length / seconds, pct(v, 50), pct(v, 95), pct(v, 99));
            }
            System.out.printf(Locale.ROOT, "total    %9d %10.1f   sessions/s %.1f, errors %d%s%n", total(),
                    total() / seconds, sessions.sum() / seconds, errors.sum(),
                    firstError == null ? "" : " (first: " + firstError + ")");
        }

        static double pct(long[] sorted, int p) {
            if (sorted.length == 0) {
                return 0;
            }
            int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
            return sorted[Math.max(0, i)] / 1e6;
        }
    }

    static Result load(String host, int port, boolean tls, List<String> users, String password, int clients,
            Duration warmup, Duration duration) throws InterruptedException {
        Result result = new Result();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<String> mine = new ArrayList<>();
            for (int u = c; u < users.size(); u += clients) {
                mine.add(users.get(u));
            }
            if (mine.isEmpty()) {
                mine.add(users.get(c % users.size()));
            }
            Thread t = new Thread(() -> clientLoop(host, port, tls, mine, password, result, measuring, stop),
                    "imap-load-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        Thread.sleep(warmup.toMillis());
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(duration.toMillis());
        measuring.set(false);
        result.seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread t : threads) {
            t.join(30_000);
        }
        return result;
    }

    private static void clientLoop(String host, int port, boolean tls, List<String> users, String password,
            Result result, AtomicBoolean measuring, AtomicBoolean stop) {
        int next = 0;
        int n = 0;
        while (!stop.get()) {
            String user = users.get(next++ % users.size());
            try (ImapConnection c = new ImapConnection(host, port, tls)) {
                timed(result, measuring, "LOGIN", c, "LOGIN " + user + " " + password, null);
                ImapConnection.Response sel = timed(result, measuring, "SELECT", c, "SELECT INBOX", null);
                int exists = 0;
                for (String l : sel.untagged()) {
                    if (l.endsWith(" EXISTS")) {
                        exists = Integer.parseInt(l.substring(2, l.length() - 7));
                    }
                }
                if (exists > 0) {
                    timed(result, measuring, "FETCH", c,
                            "FETCH 1:* (UID FLAGS BODY.PEEK[HEADER.FIELDS (FROM TO SUBJECT DATE MESSAGE-ID)])", null);
                    int msn = 1 + ThreadLocalRandom.current().nextInt(exists);
                    timed(result, measuring, "STORE", c, "STORE " + msn + " +FLAGS (\\Seen \\Flagged)", null);
                }
                timed(result, measuring, "APPEND", c, "APPEND INBOX", message(user, n++));
                if (exists > 0) {
                    timed(result, measuring, "STORE", c, "STORE 1 +FLAGS.SILENT (\\Deleted)", null);
                    timed(result, measuring, "EXPUNGE", c, "EXPUNGE", null);
                }
                timed(result, measuring, "LOGOUT", c, "LOGOUT", null);
                if (measuring.get()) {
                    result.sessions.increment();
                }
            } catch (IOException | RuntimeException e) {
                result.errors.increment();
                if (result.firstError == null) {
                    result.firstError = e.toString();
                }
            }
        }
    }

    private static ImapConnection.Response timed(Result r, AtomicBoolean measuring, String type, ImapConnection c,
            String command, byte[] literal) throws IOException {
        long t0 = System.nanoTime();
        ImapConnection.Response resp = literal == null ? c.command(command) : c.command(command, literal);
        long took = System.nanoTime() - t0;
        if (!resp.ok() && !type.equals("LOGOUT")) {
            throw new IOException(type + " failed: " + resp.tagged());
        }
        if (measuring.get()) {
            r.latencies.get(type).add(took);
        }
        return resp;
    }

    private static void compare(Map<String, Result> results) {
        List<String> names = new ArrayList<>(results.keySet());
        Result base = results.get(names.get(0));
        System.out.printf(Locale.ROOT, "%nratios against %s (commands/s; p50 latency)%n", names.get(0));
        for (int i = 1; i < names.size(); i++) {
            Result r = results.get(names.get(i));
            System.out.printf(Locale.ROOT, "%s: total %.2fx", names.get(i),
                    (r.total() / r.seconds) / (base.total() / base.seconds));
            for (String c : COMMANDS) {
                double a = r.latencies.get(c).sorted().length / r.seconds;
                double b = base.latencies.get(c).sorted().length / base.seconds;
                System.out.printf(Locale.ROOT, ", %s %.2fx", c, b == 0 ? 0 : a / b);
            }
            System.out.println();
        }
    }
}
