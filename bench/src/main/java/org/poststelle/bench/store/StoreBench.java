package org.poststelle.bench.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.poststelle.bench.Bench;
import org.poststelle.core.auth.Account;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.core.config.ConfigSection;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.store.Mailbox;
import org.poststelle.store.StoreConfig;
import org.poststelle.store.UserMailboxes;
import org.poststelle.store.maildir.MaildirMailStore;
import org.poststelle.store.model.FlagOp;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.NewMessage;
import org.poststelle.store.model.UidSet;

/**
 * Maildir store benchmarks (docs/BENCHMARKS.md, "Store"):
 * <ul>
 *   <li>{@code store-open [dir] [messages]}: open a large mailbox from its index and take a snapshot</li>
 *   <li>{@code store-flags [dir] [messages] [batch]}: change the flags of a batch of messages in one call</li>
 *   <li>{@code store-append [dir] [threads] [seconds] [size]}: concurrent appenders with fsync on, next to
 *       plain file create+fsync by as many threads</li>
 *   <li>{@code store-memory [dir] [messages]}: resident index bytes per message</li>
 * </ul>
 * The directory defaults to a fresh one under /tmp; a mailbox built once is reused by later runs.
 */
public final class StoreBench {
    static {
        Bench.register("store-open", StoreBench::open);
        Bench.register("store-flags", StoreBench::flags);
        Bench.register("store-append", StoreBench::append);
        Bench.register("store-memory", StoreBench::memory);
    }

    private static final Account USER = new Account("bench@example.org", "bench", "example.org", Optional.empty(),
            AccountPolicy.DEFAULT);

    private StoreBench() {
    }

    /** Benchmarks print their figures; the store's own logging at INFO and below would only add noise. */
    private static void quietLogs() {
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static Path dir(String[] args, String name) throws IOException {
        quietLogs();
        if (args.length > 0) {
            return Files.createDirectories(Path.of(args[0]));
        }
        return Files.createDirectories(Path.of("/tmp/poststelle-bench", name));
    }

    private static int intArg(String[] args, int i, int def) {
        return args.length > i ? Integer.parseInt(args[i]) : def;
    }

    private static MaildirMailStore store(Path dir, boolean fsync) {
        return MaildirMailStore.open(StoreConfig.from(ConfigSection.of(Map.of("fsync", String.valueOf(fsync),
                "create_special_folders", "never")), dir), Metrics.noop());
    }

    private static byte[] message(int i, int size) {
        StringBuilder sb = new StringBuilder(size + 200);
        sb.append("From: sender").append(i % 97).append("@example.org\r\nTo: bench@example.org\r\n")
                .append("Subject: benchmark message ").append(i).append("\r\nMessage-ID: <").append(i)
                .append("@bench>\r\n\r\n");
        while (sb.length() < size) {
            sb.append("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\r\n");
        }
        sb.setLength(size - 2);
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Makes sure INBOX of the bench account holds {@code count} messages (built without fsync). */
    private static void ensureMailbox(Path dir, int count) {
        try (MaildirMailStore s = store(dir, false)) {
            UserMailboxes u = s.forAccount(USER);
            try (Mailbox inbox = u.open(MailboxName.INBOX, false)) {
                int have = inbox.snapshot().size();
                if (have >= count) {
                    return;
                }
                System.out.printf("building a mailbox of %d messages in %s ...%n", count, dir);
                byte[] body = message(0, 2048);
                for (int done = have; done < count; ) {
                    int n = Math.min(1000, count - done);
                    List<NewMessage> batch = new ArrayList<>(n);
                    for (int k = 0; k < n; k++) {
                        batch.add(NewMessage.of(body, Flags.NONE, null));
                    }
                    inbox.append(batch);
                    done += n;
                }
            }
        }
    }

    private static void open(String[] args) throws Exception {
        Path dir = dir(args, "open");
        int count = intArg(args, 1, 100_000);
        ensureMailbox(dir, count);
        int rounds = 15;
        long[] times = new long[rounds];
        long[] cpu = new long[rounds];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            try (MaildirMailStore s = store(dir, true)) {
                UserMailboxes u = s.forAccount(USER);
                try (Mailbox inbox = u.open(MailboxName.INBOX, true)) {
                    MailboxSnapshot snap = inbox.snapshot();
                    times[r] = System.nanoTime() - t0;
                    cpu[r] = mx.getCurrentThreadCpuTime() - c0;
                    if (snap.size() < count) {
                        throw new IllegalStateException("mailbox has " + snap.size());
                    }
                }
            }
        }
        report("store-open: open " + count + "-message mailbox from its index + snapshot, wall", times, 5);
        report("store-open: the same, CPU time of the opening thread", cpu, 5);
    }

    private static void flags(String[] args) throws Exception {
        Path dir = dir(args, "open");
        int count = intArg(args, 1, 100_000);
        int batch = intArg(args, 2, 10_000);
        ensureMailbox(dir, count);
        int rounds = 12;
        long[] times = new long[rounds];
        long[] cpu = new long[rounds];
        try (MaildirMailStore s = store(dir, true)) {
            UserMailboxes u = s.forAccount(USER);
            try (Mailbox inbox = u.open(MailboxName.INBOX, false)) {
                long first = inbox.snapshot().uid(0);
                UidSet set = UidSet.range(first, first + batch - 1);
                Flags seen = Flags.ofSystem(Flags.SEEN);
                java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    long c0 = mx.getCurrentThreadCpuTime();
                    inbox.updateFlags(set, r % 2 == 0 ? FlagOp.ADD : FlagOp.REMOVE, seen, -1);
                    times[r] = System.nanoTime() - t0;
                    cpu[r] = mx.getCurrentThreadCpuTime() - c0;
                }
                if (rounds % 2 == 1) {
                    inbox.updateFlags(set, FlagOp.REMOVE, seen, -1);
                }
            }
        }
        report("store-flags: \\Seen on " + batch + " messages in one call (fsync on), wall", times, 2);
        report("store-flags: the same, CPU time of the calling thread", cpu, 2);
    }

    private static void append(String[] args) throws Exception {
        Path dir = dir(args, "append");
        int threads = intArg(args, 1, 50);
        int seconds = intArg(args, 2, 10);
        int size = intArg(args, 3, 4096);
        byte[] body = message(1, size);
        try (MaildirMailStore s = store(dir, true)) {
            UserMailboxes u = s.forAccount(USER);
            try (Mailbox warm = u.open(MailboxName.INBOX, false)) {
                warm.append(List.of(NewMessage.of(body, Flags.NONE, null)));
            }
            AtomicLong done = new AtomicLong();
            List<Mailbox> handles = new ArrayList<>();
            long[] perSecond = runFor(threads, seconds, () -> {
                Mailbox inbox = u.open(MailboxName.INBOX, false);
                synchronized (handles) {
                    handles.add(inbox);
                }
                return () -> {
                    inbox.append(List.of(NewMessage.of(body, Flags.NONE, null)));
                    done.incrementAndGet();
                };
            });
            handles.forEach(Mailbox::close);
            System.out.printf("store-append: %d threads, %d-byte messages, fsync on: %d appends in %d s = %.0f appends/s%n",
                    threads, size, perSecond[0], seconds, perSecond[0] / (double) seconds);
        }
        Path raw = Files.createDirectories(dir.resolve("raw-fsync"));
        AtomicInteger n = new AtomicInteger();
        long[] rawCount = runFor(threads, Math.max(3, seconds / 2), () -> () -> {
            Path p = raw.resolve("f" + n.incrementAndGet());
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(body));
                ch.force(false);
            }
        });
        int rawSeconds = Math.max(3, seconds / 2);
        System.out.printf("baseline: %d threads, plain create+write+fsync of %d-byte files: %.0f files/s%n", threads,
                size, rawCount[0] / (double) rawSeconds);
        long[] single = runFor(1, rawSeconds, () -> () -> {
            Path p = raw.resolve("s" + n.incrementAndGet());
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(body));
                ch.force(false);
            }
        });
        System.out.printf("baseline: 1 thread, plain create+write+fsync of %d-byte files: %.0f files/s%n", size,
                single[0] / (double) rawSeconds);
        deleteTree(raw);
    }

    /** Work done by a thread; the factory runs once per thread (e.g. to open a handle). */
    @FunctionalInterface
    interface Op {
        void run() throws Exception;
    }

    @FunctionalInterface
    interface OpFactory {
        Op create() throws Exception;
    }

    private static long[] runFor(int threads, int seconds, OpFactory factory) throws Exception {
        AtomicLong count = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L + 200_000_000L;
        List<Thread> all = new ArrayList<>();
        List<Throwable> errors = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    long stop = System.nanoTime() + seconds * 1_000_000_000L;
                    Op op = factory.create();
                    while (System.nanoTime() < stop) {
                        op.run();
                        count.incrementAndGet();
                    }
                } catch (Throwable e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
            });
            th.start();
            all.add(th);
        }
        start.countDown();
        for (Thread th : all) {
            th.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 60_000));
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("benchmark thread failed", errors.get(0));
        }
        return new long[] {count.get()};
    }

    private static void memory(String[] args) throws Exception {
        Path dir = dir(args, "open");
        int count = intArg(args, 1, 100_000);
        ensureMailbox(dir, count);
        Runtime rt = Runtime.getRuntime();
        try (MaildirMailStore s = store(dir, true)) {
            UserMailboxes u = s.forAccount(USER);
            long before = usedAfterGc(rt);
            try (Mailbox inbox = u.open(MailboxName.INBOX, true)) {
                long after = usedAfterGc(rt);
                long[] resident = s.residentIndexBytesAndMessages();
                long snapBefore = usedAfterGc(rt);
                MailboxSnapshot snap = inbox.snapshot();
                long snapAfter = usedAfterGc(rt);
                System.out.printf("store-memory: %d messages; index arrays+names %.1f bytes/message "
                        + "(%.1f of them fixed fields), heap growth on open %.1f bytes/message, "
                        + "a snapshot %.1f bytes/message%n", resident[1], resident[0] / (double) resident[1],
                        36.0, (after - before) / (double) resident[1],
                        (snapAfter - snapBefore) / (double) Math.max(1, snap.size()));
            }
        }
    }

    private static long usedAfterGc(Runtime rt) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void report(String what, long[] nanos, int warmup) {
        long[] measured = Arrays.copyOfRange(nanos, Math.min(warmup, nanos.length - 1), nanos.length);
        Arrays.sort(measured);
        double median = measured[measured.length / 2] / 1e6;
        double min = measured[0] / 1e6;
        double max = measured[measured.length - 1] / 1e6;
        System.out.printf("%s: median %.1f ms, min %.1f ms, max %.1f ms (%d runs after %d warm-up)%n", what, median,
                min, max, measured.length, nanos.length - measured.length);
    }

    private static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
