package org.poststelle.bench.pop3;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.poststelle.bench.Bench;

/**
 * POP3 benchmarks.
 *
 * <pre>
 * pop3-load  --host 127.0.0.1 --port 110 --users user1..user50 --password pass --clients 20 --duration 30s
 *            [--warmup 5s] [--tls | --stls] [--pipeline] [--label name]
 * pop3-seed  --maildirs "/tmp/refdovecot/mail/{user}/Maildir" --users user1..user50 --messages 50
 *            [--size 2k-200k] [--crlf] [--owner vmail] [--clear]
 * </pre>
 *
 * {@code pop3-load}: N clients loop over the users (each user belongs to one client, so no session meets the
 * maildrop lock), each session USER/PASS, STAT, UIDL, RETR of every message, QUIT. It prints sessions/s and
 * the RETR throughput. TLS certificates are not checked: the tool is for loopback benchmarks.
 */
public final class Pop3Bench {
    static {
        Bench.register("pop3-load", Pop3Bench::load);
        Bench.register("pop3-seed", MaildirSeeder::seed);
        Bench.register("pop3-serve", Pop3BenchServer::serve);
    }

    private Pop3Bench() {
    }

    /** One benchmark run's counters. */
    static final class Stats {
        final LongAdder sessions = new LongAdder();
        final LongAdder messages = new LongAdder();
        final LongAdder octets = new LongAdder();
        final LongAdder errors = new LongAdder();
        final ConcurrentLinkedQueue<Long> sessionNanos = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    }

    static void load(String[] argv) throws Exception {
        BenchArgs a = new BenchArgs(argv, List.of("tls", "stls", "pipeline"));
        String host = a.string("host", "127.0.0.1");
        int port = a.integer("port", 110);
        List<String> users = BenchArgs.users(a.string("users", "user1..user50"));
        String password = a.string("password", "pass");
        int clients = a.integer("clients", 20);
        Duration duration = a.duration("duration", Duration.ofSeconds(30));
        Duration warmup = a.duration("warmup", Duration.ofSeconds(5));
        boolean tls = a.flag("tls");
        boolean stls = a.flag("stls");
        boolean pipeline = a.flag("pipeline");
        String label = a.string("label", host + ":" + port);
        SSLSocketFactory factory = tls || stls ? trustAll() : null;
        if (clients > users.size()) {
            System.err.println("warning: more clients than users; sessions of one user will meet [IN-USE]");
        }

        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        Stats stats = new Stats();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<String> mine = new ArrayList<>();
            for (int u = 0; u < users.size(); u++) {
                if (u % clients == c) {
                    mine.add(users.get(u));
                }
            }
            if (mine.isEmpty()) {
                mine.add(users.get(c % users.size()));
            }
            Thread t = new Thread(() -> {
                SessionRunner runner = new SessionRunner(host, port, password, tls ? factory : null, stls ? factory : null,
                        pipeline);
                while (!stop.get()) {
                    for (String user : mine) {
                        if (stop.get()) {
                            break;
                        }
                        runner.run(user, measuring.get() ? stats : null);
                    }
                }
            }, "pop3-load-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        Thread.sleep(warmup.toMillis());
        measuring.set(true);
        long t0 = System.nanoTime();
        Thread.sleep(duration.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        for (Thread t : threads) {
            t.join(10_000);
        }
        report(label, clients, tls ? "implicit" : stls ? "stls" : "none", pipeline, seconds, stats);
    }

    private static void report(String label, int clients, String tls, boolean pipeline, double seconds, Stats s) {
        long[] lat = s.sessionNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "pop3-load %s clients=%d tls=%s pipeline=%s duration=%.1fs%n", label, clients, tls,
                pipeline, seconds);
        System.out.printf(Locale.ROOT, "  sessions      %d  (%.1f sessions/s)%n", s.sessions.sum(), s.sessions.sum() / seconds);
        System.out.printf(Locale.ROOT, "  RETR          %d messages (%.0f msg/s), %.1f MB (%.1f MB/s)%n", s.messages.sum(),
                s.messages.sum() / seconds, s.octets.sum() / 1e6, s.octets.sum() / 1e6 / seconds);
        if (lat.length > 0) {
            System.out.printf(Locale.ROOT, "  session time  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms%n", pct(lat, 50),
                    pct(lat, 90), pct(lat, 99));
        }
        System.out.printf(Locale.ROOT, "  errors        %d%s%n", s.errors.sum(),
                s.errorSamples.isEmpty() ? "" : "  e.g. " + s.errorSamples.peek());
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
    }

    /** One client's sessions. */
    private static final class SessionRunner {
        private final String host;
        private final int port;
        private final String password;
        private final SSLSocketFactory implicitTls;
        private final SSLSocketFactory stls;
        private final boolean pipeline;

        SessionRunner(String host, int port, String password, SSLSocketFactory implicitTls, SSLSocketFactory stls,
                boolean pipeline) {
            this.host = host;
            this.port = port;
            this.password = password;
            this.implicitTls = implicitTls;
            this.stls = stls;
            this.pipeline = pipeline;
        }

        void run(String user, Stats stats) {
            long start = System.nanoTime();
            try (Pop3Connection c = new Pop3Connection(host, port, implicitTls, 30_000)) {
                c.status("greeting");
                if (stls != null) {
                    c.startTls(stls, host, port);
                }
                c.command("USER " + user);
                c.command("PASS " + password);
                String stat = c.command("STAT");
                int count = Integer.parseInt(stat.split(" ")[1]);
                c.command("UIDL");
                c.skipMultiLine();
                long octets = 0;
                if (pipeline && count > 0) {
                    StringBuilder all = new StringBuilder();
                    for (int i = 1; i <= count; i++) {
                        all.append("RETR ").append(i).append("\r\n");
                    }
                    c.sendAll(all);
                    for (int i = 1; i <= count; i++) {
                        c.status("RETR " + i);
                        octets += c.skipMultiLine();
                    }
                } else {
                    for (int i = 1; i <= count; i++) {
                        c.command("RETR " + i);
                        octets += c.skipMultiLine();
                    }
                }
                c.command("QUIT");
                if (stats != null) {
                    stats.sessions.increment();
                    stats.messages.add(count);
                    stats.octets.add(octets);
                    stats.sessionNanos.add(System.nanoTime() - start);
                }
            } catch (IOException | RuntimeException e) {
                if (stats != null) {
                    stats.errors.increment();
                    if (stats.errorSamples.size() < 5) {
                        stats.errorSamples.add(user + ": " + e.getMessage());
                    }
                }
            }
        }
    }

    static SSLSocketFactory trustAll() throws Exception {
        TrustManager[] trustAll = {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // benchmark client: no client certificates
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // loopback benchmark against a self-signed certificate: nothing to verify
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }};
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, trustAll, new SecureRandom());
        return ctx.getSocketFactory();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
