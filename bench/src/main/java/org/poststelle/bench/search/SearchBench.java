package org.poststelle.bench.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.poststelle.bench.Bench;
import org.poststelle.core.auth.Account;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.core.config.ConfigSection;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.store.Mailbox;
import org.poststelle.store.StoreConfig;
import org.poststelle.store.UserMailboxes;
import org.poststelle.store.maildir.MaildirMailStore;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.NewMessage;
import org.poststelle.store.model.SpecialUse;
import org.poststelle.store.search.HeaderCache;
import org.poststelle.store.search.SearchContext;
import org.poststelle.store.search.SearchEngine;
import org.poststelle.store.search.SearchQuery;
import org.poststelle.store.search.SortCriterion;
import org.poststelle.store.search.SortKey;
import org.poststelle.store.search.ThreadAlgorithm;

/**
 * Search benchmarks (docs/BENCHMARKS.md, "Search"), store-side: the engine over a Maildir through the store API,
 * without IMAP on top.
 * <ul>
 *   <li>{@code search-large [dir] [messages]}: a 100 000-message INBOX: UNSEEN, SINCE, FROM (headers cold, then
 *       cached), SORT (DATE), SORT (SUBJECT), THREAD=REFERENCES</li>
 *   <li>{@code search-text [dir] [messages] [size]}: TEXT over 10 000 messages of about 10 KB (plain, quoted-printable
 *       and base64 multipart): MB/s of message data scanned</li>
 * </ul>
 * The directory defaults to one under /tmp/poststelle-bench; a mailbox built once is reused by later runs.
 */
public final class SearchBench {
    static {
        Bench.register("search-large", SearchBench::large);
        Bench.register("search-text", SearchBench::text);
    }

    private static final Account USER = new Account("bench@example.org", "bench", "example.org", Optional.empty(),
            AccountPolicy.DEFAULT);
    private static final DateTimeFormatter RFC5322 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final Instant START = Instant.parse("2022-01-01T00:00:00Z");
    private static final String[] WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod "
            + "tempor incididunt ut labore et dolore magna aliqua enim minim veniam quis nostrud exercitation "
            + "ullamco laboris nisi aliquip commodo consequat duis aute irure reprehenderit voluptate velit esse "
            + "cillum fugiat nulla pariatur excepteur sint occaecat cupidatat proident sunt culpa officia deserunt "
            + "mollit anim laborum invoice meeting report budget schedule project review").split(" ");

    private SearchBench() {
    }

    private static Path dir(String[] args, String name) throws IOException {
        if (args.length > 0) {
            return Files.createDirectories(Path.of(args[0]));
        }
        return Files.createDirectories(Path.of("/tmp/poststelle-bench", name));
    }

    private static int intArg(String[] args, int i, int def) {
        return args.length > i ? Integer.parseInt(args[i]) : def;
    }

    private static MaildirMailStore store(Path dir) {
        return MaildirMailStore.open(StoreConfig.from(ConfigSection.of(Map.of("fsync", "false",
                "create_special_folders", "never", "max_message_size", "64m")), dir), Metrics.noop());
    }

    // ---- the 100 000-message mailbox ---------------------------------------------------------------------------

    /**
     * Message i: one of 1000 senders, threads of five (a topic and four replies), dates ten minutes apart (also
     * written to Maildirs by {@code imap-seed}).
     */
    public static byte[] largeMessage(int i, Random rnd) {
        int thread = i / 5;
        boolean reply = i % 5 != 0;
        int offsetHours = (i % 7) - 3;
        ZonedDateTime sent = START.plusSeconds(600L * i).atZone(ZoneOffset.ofHours(offsetHours));
        StringBuilder sb = new StringBuilder(2048);
        sb.append("Return-Path: <user").append(i % 1000).append("@domain").append(i % 50).append(".example>\r\n");
        sb.append("From: Sender ").append(i % 500).append(" <user").append(i % 1000).append("@domain")
                .append(i % 50).append(".example>\r\n");
        sb.append("To: Bench User <bench@example.org>\r\n");
        if (i % 3 == 0) {
            sb.append("Cc: team").append(i % 20).append("@example.org\r\n");
        }
        sb.append("Subject: ").append(reply ? "Re: " : "").append("Topic ").append(thread).append(' ')
                .append(WORDS[thread % WORDS.length]).append("\r\n");
        sb.append("Date: ").append(RFC5322.format(sent)).append("\r\n");
        sb.append("Message-ID: <").append(i).append("@bench.example>\r\n");
        if (reply) {
            sb.append("In-Reply-To: <").append(i - 1).append("@bench.example>\r\n");
            sb.append("References: <").append(thread * 5).append("@bench.example>");
            for (int r = thread * 5 + 1; r < i; r++) {
                sb.append(" <").append(r).append("@bench.example>");
            }
            sb.append("\r\n");
        }
        sb.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
        words(sb, rnd, 1200);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The flags search-large gives message i: 30 % unseen, 5 % seen and flagged. */
    public static Flags largeFlags(int i) {
        return i % 10 < 3 ? Flags.NONE : i % 20 == 3 ? Flags.ofSystem(Flags.SEEN | Flags.FLAGGED)
                : Flags.ofSystem(Flags.SEEN);
    }

    private static void words(StringBuilder sb, Random rnd, int bytes) {
        int line = 0;
        int target = sb.length() + bytes;
        while (sb.length() < target) {
            String w = WORDS[rnd.nextInt(WORDS.length)];
            sb.append(w);
            line += w.length() + 1;
            if (line > 70) {
                sb.append("\r\n");
                line = 0;
            } else {
                sb.append(' ');
            }
        }
        sb.append("\r\n");
    }

    private static void ensureLarge(Path dir, int count) {
        try (MaildirMailStore s = store(dir)) {
            UserMailboxes u = s.forAccount(USER);
            try (Mailbox inbox = u.open(MailboxName.INBOX, false)) {
                int have = inbox.snapshot().size();
                if (have >= count) {
                    return;
                }
                System.out.printf("building a mailbox of %d messages in %s ...%n", count, dir);
                Random rnd = new Random(have);
                Flags seen = Flags.ofSystem(Flags.SEEN);
                Flags seenFlagged = Flags.ofSystem(Flags.SEEN | Flags.FLAGGED);
                for (int done = have; done < count; ) {
                    int n = Math.min(1000, count - done);
                    List<NewMessage> batch = new ArrayList<>(n);
                    for (int k = 0; k < n; k++) {
                        int i = done + k;
                        Flags f = i % 10 < 3 ? Flags.NONE : i % 20 == 3 ? seenFlagged : seen;
                        Instant internal = START.plusSeconds(600L * i + 30);
                        batch.add(NewMessage.of(largeMessage(i, rnd), f, internal));
                    }
                    inbox.append(batch);
                    done += n;
                }
            }
        }
    }

    private static void large(String[] args) throws Exception {
        Path dir = dir(args, "search-large");
        int count = intArg(args, 1, 100_000);
        ensureLarge(dir, count);
        try (MaildirMailStore s = store(dir)) {
            UserMailboxes u = s.forAccount(USER);
            try (Mailbox inbox = u.open(MailboxName.INBOX, true)) {
                MailboxSnapshot snap = inbox.snapshot();
                HeaderCache cache = new HeaderCache();
                SearchEngine engine = new SearchEngine(cache);
                SearchContext ctx = SearchContext.defaults().withZone(ZoneOffset.UTC);
                LocalDate since = LocalDate.ofInstant(START.plusSeconds(600L * count * 9 / 10), ZoneOffset.UTC);
                System.out.printf("mailbox: %d messages%n", snap.size());

                measure("UID SEARCH UNSEEN", 5, 20,
                        () -> engine.search(inbox, snap, SearchQuery.unseen(), ctx).count());
                once("SEARCH SINCE " + since + " (facts not cached)", "asks the store for every MessageMeta",
                        () -> engine.search(inbox, snap, SearchQuery.since(since), ctx).count());
                measure("SEARCH SINCE " + since, 5, 20,
                        () -> engine.search(inbox, snap, SearchQuery.since(since), ctx).count());
                once("SEARCH FROM user77@ (headers not cached)", "reads every header",
                        () -> engine.search(inbox, snap, SearchQuery.from("user77@"), ctx).count());
                System.out.printf("%-42s %.1f MB for %d messages%n", "cache memory", cache.memoryUsed() / 1e6,
                        snap.size());

                measure("SEARCH FROM user77@ (cached headers)", 5, 20,
                        () -> engine.search(inbox, snap, SearchQuery.from("user77@"), ctx).count());
                measure("SEARCH SUBJECT \"topic 1234 \"", 5, 20,
                        () -> engine.search(inbox, snap, SearchQuery.subject("topic 1234 "), ctx).count());
                measure("SORT (DATE) ALL", 5, 20, () -> (long) engine.sort(inbox, snap,
                        List.of(SortCriterion.of(SortKey.DATE)), SearchQuery.all(), ctx).length);
                measure("SORT (REVERSE ARRIVAL) ALL", 5, 20, () -> (long) engine.sort(inbox, snap,
                        List.of(SortCriterion.reversed(SortKey.ARRIVAL)), SearchQuery.all(), ctx).length);
                measure("SORT (SUBJECT) ALL", 5, 20, () -> (long) engine.sort(inbox, snap,
                        List.of(SortCriterion.of(SortKey.SUBJECT)), SearchQuery.all(), ctx).length);
                measure("THREAD REFERENCES ALL", 3, 10, () -> (long) engine.thread(inbox, snap,
                        ThreadAlgorithm.REFERENCES, SearchQuery.all(), ctx).size());
            }
        }
    }

    // ---- TEXT over 10 000 messages of 10 KB ---------------------------------------------------------------------

    /**
     * Message i: plain UTF-8 (60 %), quoted-printable Latin-1 (20 %), or multipart with a base64 text part (20 %)
     * (also written to Maildirs by {@code imap-seed}).
     */
    public static byte[] textMessage(int i, int size, Random rnd) {
        StringBuilder h = new StringBuilder(512);
        h.append("From: Sender ").append(i % 300).append(" <s").append(i % 300).append("@example.org>\r\n")
                .append("To: bench@example.org\r\nSubject: text message ").append(i).append("\r\n")
                .append("Date: ").append(RFC5322.format(START.plusSeconds(3600L * i).atZone(ZoneOffset.UTC)))
                .append("\r\nMessage-ID: <t").append(i).append("@bench.example>\r\nMIME-Version: 1.0\r\n");
        StringBuilder text = new StringBuilder(size);
        words(text, rnd, size - 600);
        int kind = i % 5;
        if (kind < 3) {
            h.append("Content-Type: text/plain; charset=utf-8\r\n\r\n").append(text);
            return h.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (kind == 3) {
            h.append("Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable"
                    + "\r\n\r\n");
            String qp = text.toString().replace("e ", "=E9 ").replace("a ", "=E4 ");
            h.append(qp);
            return h.toString().getBytes(StandardCharsets.US_ASCII);
        }
        h.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i)
                .append("\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                .append(Base64.getMimeEncoder().encodeToString(text.substring(0, text.length() * 3 / 4)
                        .getBytes(StandardCharsets.UTF_8)))
                .append("\r\n--b").append(i).append("\r\nContent-Type: application/octet-stream\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\n")
                .append(Base64.getMimeEncoder().encodeToString(new byte[size / 6])).append("\r\n--b").append(i)
                .append("--\r\n");
        return h.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void text(String[] args) throws Exception {
        Path dir = dir(args, "search-text");
        int count = intArg(args, 1, 10_000);
        int size = intArg(args, 2, 10_240);
        MailboxName box = MailboxName.of("Text");
        try (MaildirMailStore s = store(dir)) {
            UserMailboxes u = s.forAccount(USER);
            if (u.list().stream().noneMatch(m -> m.name().equals(box))) {
                u.create(box, Set.<SpecialUse>of());
            }
            try (Mailbox mailbox = u.open(box, false)) {
                int have = mailbox.snapshot().size();
                if (have < count) {
                    System.out.printf("building a mailbox of %d messages of ~%d bytes in %s ...%n", count, size, dir);
                    Random rnd = new Random(42 + have);
                    for (int done = have; done < count; ) {
                        int n = Math.min(500, count - done);
                        List<NewMessage> batch = new ArrayList<>(n);
                        for (int k = 0; k < n; k++) {
                            batch.add(NewMessage.of(textMessage(done + k, size, rnd), Flags.NONE, null));
                        }
                        mailbox.append(batch);
                        done += n;
                    }
                }
                MailboxSnapshot snap = mailbox.snapshot();
                long[] bytes = {0};
                mailbox.meta(snap.uidSet(), m -> bytes[0] += m.size());
                SearchEngine engine = new SearchEngine(new HeaderCache());
                SearchContext ctx = SearchContext.defaults();
                System.out.printf("mailbox: %d messages, %.1f MB%n", snap.size(), bytes[0] / 1e6);
                double mb = bytes[0] / 1e6;
                Map<String, SearchQuery> queries = new java.util.LinkedHashMap<>();
                queries.put("SEARCH TEXT \"zzqx-absent\" (reads all)", SearchQuery.text("zzqx-absent"));
                queries.put("SEARCH BODY \"zzqx-absent\" (reads all)", SearchQuery.body("zzqx-absent"));
                queries.put("SEARCH TEXT \"laborum\" (found early)", SearchQuery.text("laborum"));
                for (Map.Entry<String, SearchQuery> e : queries.entrySet()) {
                    SearchQuery q = e.getValue();
                    long found = engine.search(mailbox, snap, q, ctx).count();
                    Times t = measureNanos(2, 6, () -> engine.search(mailbox, snap, q, ctx).count());
                    System.out.printf("%-42s wall %7.1f ms median = %4.0f MB/s, cpu %7.1f ms = %4.0f MB/s  [%d results]%n",
                            e.getKey(), t.wallMedianMs(), mb / (t.wallMedianMs() / 1e3), t.cpuMedianMs(),
                            mb / (t.cpuMedianMs() / 1e3), found);
                }
            }
        }
    }

    // ---- timing ----------------------------------------------------------------------------------------------------

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** Wall-clock and CPU nanoseconds of each run, each array sorted. */
    private record Times(long[] wall, long[] cpu) {
        double wallMedianMs() {
            return wall[wall.length / 2] / 1e6;
        }

        double cpuMedianMs() {
            return cpu[cpu.length / 2] / 1e6;
        }
    }

    private static Times measureNanos(int warmup, int runs, Supplier<Long> what) {
        for (int i = 0; i < warmup; i++) {
            what.get();
        }
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            what.get();
            wall[i] = System.nanoTime() - t0;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new Times(wall, cpu);
    }

    /** Times one run (a cold cache), wall and CPU. */
    private static void once(String what, String note, Supplier<Long> run) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long result = run.get();
        System.out.printf("%-42s wall %7.1f ms once,   cpu %7.1f ms once    [%s; %d results]%n", what,
                (System.nanoTime() - t0) / 1e6, (THREADS.getCurrentThreadCpuTime() - c0) / 1e6, note, result);
    }

    /**
     * Prints median and minimum wall-clock time, and the median CPU time of the searching thread: on a shared
     * machine the CPU time is the steadier figure.
     */
    private static void measure(String what, int warmup, int runs, Supplier<Long> run) {
        long result = run.get();
        Times t = measureNanos(warmup, runs, run);
        System.out.printf("%-42s wall %7.1f ms median (min %6.1f), cpu %7.1f ms median  [%d runs, %d results]%n",
                what, t.wallMedianMs(), t.wall[0] / 1e6, t.cpuMedianMs(), runs, result);
    }
}
