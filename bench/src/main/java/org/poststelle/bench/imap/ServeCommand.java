package org.poststelle.bench.imap;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code imap-serve}: runs the IMAP server in this JVM for the load benchmarks (a separate process, like the
 * reference Dovecot), until killed. With {@code --report 10s} it prints, every period, the open connections,
 * the heap in use after a full GC, heap per connection and the process RSS.
 */
final class ServeCommand {
    private ServeCommand() {
    }

    static void run(String[] argv) throws Exception {
        ImapBench.quietLogging();
        Options o = new Options(argv, List.of());
        Path data = Path.of(o.string("data", "/tmp/poststelle-bench"));
        List<String> users = Options.users(o.string("users", "user1..user200"));
        int cores = Runtime.getRuntime().availableProcessors();
        try (BenchServer server = new BenchServer(data, users, o.string("password", "pass"),
                o.integer("port", 11143), o.integer("tls-port", 11993),
                Boolean.parseBoolean(o.string("fsync", "true")), o.integer("io-threads", cores),
                o.integer("session-threads", cores))) {
            System.out.printf(Locale.ROOT, "imap-serve: IMAP 127.0.0.1:%d, IMAPS 127.0.0.1:%d, %d users, data %s,"
                    + " TLS %s%n", server.port(), server.tlsPort(), users.size(), data, server.tls.provider());
            Duration report = o.duration("report", Duration.ZERO);
            long baseline = report.isZero() ? 0 : usedHeapAfterGc();
            while (true) {
                if (report.isZero()) {
                    Thread.sleep(60_000);
                    continue;
                }
                Thread.sleep(report.toMillis());
                long heap = usedHeapAfterGc();
                int open = server.open.get();
                System.out.printf(Locale.ROOT, "connections %d, heap %.1f MB (%.1f MB above start), %s, RSS %.1f MB%n",
                        open, heap / 1048576.0, (heap - baseline) / 1048576.0,
                        open == 0 ? "-" : String.format(Locale.ROOT, "%.1f KB per connection",
                                (heap - baseline) / 1024.0 / open), rssBytes() / 1048576.0);
            }
        }
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return 0;
    }
}
