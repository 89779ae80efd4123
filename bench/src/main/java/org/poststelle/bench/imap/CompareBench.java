package org.poststelle.bench.imap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.poststelle.bench.pop3.MaildirSeeder;
import org.poststelle.bench.search.SearchBench;
import org.poststelle.store.model.Flags;

/**
 * Side-by-side IMAP benchmarks of single commands against several servers (Poststelle's {@code imap-serve} and
 * the reference Dovecot), one target after the other in the same run, over loopback. docs/BENCHMARKS.md gives
 * the commands and results.
 * <ul>
 *   <li>{@code imap-seed}: writes the search benchmarks' messages ({@code large}: search-large's 100 000
 *       messages of about 1.9 KB with its flags; {@code text}: search-text's 10 000 messages of about 10 KB)
 *       straight into Maildirs' cur/, as an MDA or a migration leaves them, so every server reads identical
 *       files; the servers index them at the first SELECT.</li>
 *   <li>{@code imap-qresync}: a second connection changes the flags of {@code --changes} messages spread over
 *       INBOX, then the timed connection runs {@code SELECT INBOX (QRESYNC (uidvalidity modseq [known-uids]))}
 *       with the modseq from before the change, until the tagged OK; median of {@code --runs} after
 *       {@code --warmup}, without and with a known-UIDs set.</li>
 *   <li>{@code imap-search}: {@code SEARCH TEXT}/{@code SEARCH BODY} of an absent word (every message read to
 *       the end) and of a word found early, on INBOX; MB/s of message data scanned.</li>
 * </ul>
 * With {@code --pid NAME=PID} the CPU time (user + system, from /proc) of that process and all its descendants
 * is measured over the timed runs (for Dovecot the master's pid covers its imap processes): on a shared machine
 * it is steadier than wall time.
 */
final class CompareBench {
    private static final Pattern TARGET = Pattern.compile("([^=]+)=([^:]+):(\\d+)");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private CompareBench() {
    }

    // ---- seeding ---------------------------------------------------------------------------------------------

    static void seed(String[] argv) throws IOException {
        Options o = new Options(argv, List.of());
        String kind = o.string("kind", "large");
        int messages = o.integer("messages", kind.equals("text") ? 10_000 : 100_000);
        int size = (int) o.bytes("size", 10_240);
        String owner = o.string("owner", null);
        List<String> maildirs = o.all("maildir");
        if (maildirs.isEmpty()) {
            throw new IllegalArgumentException("--maildir DIR (repeatable) is required");
        }
        List<Path> curs = new ArrayList<>();
        for (String m : maildirs) {
            Path dir = Path.of(m);
            for (String sub : new String[] {"cur", "new", "tmp"}) {
                Files.createDirectories(dir.resolve(sub));
            }
            try (var list = Files.list(dir.resolve("cur"))) {
                if (list.findAny().isPresent()) {
                    System.out.printf("%s/cur is not empty: left as it is%n", dir);
                    continue;
                }
            }
            curs.add(dir.resolve("cur"));
        }
        Random rnd = new Random(kind.equals("text") ? 42 : 0);
        long total = 0;
        long t0 = System.nanoTime();
        long time = 1_700_000_000L;
        for (int i = 0; i < messages && !curs.isEmpty(); i++) {
            byte[] bytes;
            String flags;
            if (kind.equals("text")) {
                bytes = SearchBench.textMessage(i, size, rnd);
                flags = "";
            } else {
                bytes = SearchBench.largeMessage(i, rnd);
                Flags f = SearchBench.largeFlags(i);
                flags = (f.has(Flags.FLAGGED) ? "F" : "") + (f.has(Flags.SEEN) ? "S" : "");
            }
            String name = (time + i) + ".M" + i + "P1.bench,S=" + bytes.length + ":2," + flags;
            for (Path cur : curs) {
                Files.write(cur.resolve(name), bytes);
            }
            total += bytes.length;
        }
        if (owner != null) {
            for (Path cur : curs) {
                MaildirSeeder.chownTree(cur.getParent().getParent(), owner);
            }
        }
        System.out.printf(Locale.ROOT, "seeded %d %s messages (%.1f MB) into %d Maildirs in %.1f s%n",
                curs.isEmpty() ? 0 : messages, kind, total / 1e6, curs.size(), (System.nanoTime() - t0) / 1e9);
    }

    // ---- targets, CPU time, timing -----------------------------------------------------------------------------

    private record Target(String name, String host, int port, long pid) {
    }

    private static List<Target> targets(Options o) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String p : o.all("pid")) {
            int eq = p.indexOf('=');
            pids.put(p.substring(0, eq), Long.parseLong(p.substring(eq + 1)));
        }
        List<Target> out = new ArrayList<>();
        for (String t : o.all("target")) {
            Matcher m = TARGET.matcher(t);
            if (!m.matches()) {
                throw new IllegalArgumentException("--target NAME=HOST:PORT, got " + t);
            }
            out.add(new Target(m.group(1), m.group(2), Integer.parseInt(m.group(3)), pids.getOrDefault(m.group(1), 0L)));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("at least one --target NAME=HOST:PORT");
        }
        return out;
    }

    /** CPU ticks (user + system) of a process and each of its descendants, by pid; empty without a pid. */
    static Map<Long, Long> cpuTicks(long pid) {
        Map<Long, Long> out = new HashMap<>();
        if (pid <= 0) {
            return out;
        }
        List<Long> todo = new ArrayList<>(List.of(pid));
        while (!todo.isEmpty()) {
            long p = todo.remove(todo.size() - 1);
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(p), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                out.put(p, Long.parseLong(f[11]) + Long.parseLong(f[12])); // utime, stime
                try (var tasks = Files.list(Path.of("/proc", Long.toString(p), "task"))) {
                    for (Path task : tasks.toList()) {
                        Path children = task.resolve("children");
                        if (Files.exists(children)) {
                            for (String c : Files.readString(children).trim().split("\\s+")) {
                                if (!c.isEmpty()) {
                                    todo.add(Long.parseLong(c));
                                }
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process ended meanwhile
            }
        }
        return out;
    }

    /** Ticks spent between two readings by the processes alive at the end (a process that ended is lost). */
    static long ticksBetween(Map<Long, Long> before, Map<Long, Long> after) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            sum += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
        }
        return sum;
    }

    /** CLK_TCK is 100 on Linux. */
    private static double ticksToMs(long ticks) {
        return ticks * 10.0;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Sorted wall times (ns) of the timed runs and the server CPU (ms) over all of them (-1: not measured). */
    private record Times(long[] wall, double serverCpuMs) {
        double medianMs() {
            return wall[wall.length / 2] / 1e6;
        }

        double minMs() {
            return wall[0] / 1e6;
        }

        double cpuPerRunMs() {
            return serverCpuMs < 0 ? -1 : serverCpuMs / wall.length;
        }

        String cpu() {
            return serverCpuMs < 0 ? "-" : String.format(Locale.ROOT, "%.1f", cpuPerRunMs());
        }
    }

    @FunctionalInterface
    private interface Run {
        /** Untimed preparation of run {@code i}; returns the timed part. */
        Timed prepare(int i) throws IOException;
    }

    @FunctionalInterface
    private interface Timed {
        void run() throws IOException;
    }

    /**
     * Runs {@code warmup} untimed and {@code runs} timed repetitions; the server's CPU time is taken around each
     * timed part only.
     */
    private static Times time(Target t, int warmup, int runs, Run run) throws IOException {
        for (int i = 0; i < warmup; i++) {
            run.prepare(i).run();
        }
        long[] wall = new long[runs];
        long ticks = 0;
        for (int i = 0; i < runs; i++) {
            Timed timed = run.prepare(warmup + i);
            Map<Long, Long> c0 = cpuTicks(t.pid());
            long t0 = System.nanoTime();
            timed.run();
            wall[i] = System.nanoTime() - t0;
            ticks += ticksBetween(c0, cpuTicks(t.pid()));
        }
        Arrays.sort(wall);
        return new Times(wall, t.pid() > 0 ? ticksToMs(ticks) : -1);
    }

    private static ImapConnection.Response ok(ImapConnection c, String command) throws IOException {
        ImapConnection.Response r = c.command(command);
        if (!r.ok()) {
            throw new IOException(command + ": " + r.tagged());
        }
        return r;
    }

    private static ImapConnection login(Target t, String user, String password) throws IOException {
        ImapConnection c = new ImapConnection(t.host(), t.port(), false);
        ok(c, "LOGIN " + user + " " + password);
        return c;
    }

    /** The number in "* OK [NAME n]" or "* n NAME" lines, or -1. */
    private static long responseNumber(ImapConnection.Response r, String name) {
        for (String l : r.untagged()) {
            int i = l.indexOf("[" + name + " ");
            if (i >= 0) {
                Matcher m = NUMBER.matcher(l);
                if (m.find(i)) {
                    return Long.parseLong(m.group());
                }
            }
            if (l.startsWith("* ") && l.endsWith(" " + name)) {
                return Long.parseLong(l.substring(2, l.length() - name.length() - 1));
            }
        }
        return -1;
    }

    // ---- QRESYNC -------------------------------------------------------------------------------------------------

    static void qresync(String[] argv) throws Exception {
        Options o = new Options(argv, List.of());
        List<Target> targets = targets(o);
        String user = o.string("user", "user1");
        String password = o.string("password", "pass");
        int changes = o.integer("changes", 1000);
        int warmup = o.integer("warmup", 5);
        int runs = o.integer("runs", 20);
        System.out.printf("imap-qresync: %s, %d flag changes before each SELECT, %d warm-up + %d timed runs, load %s%n",
                user, changes, warmup, runs, loadAverage());
        Map<String, double[]> results = new LinkedHashMap<>();
        for (Target t : targets) {
            try (ImapConnection changer = login(t, user, password);
                    ImapConnection client = login(t, user, password)) {
                ok(changer, "ENABLE CONDSTORE");
                ImapConnection.Response sel = ok(changer, "SELECT INBOX (CONDSTORE)");
                long exists = responseNumber(sel, "EXISTS");
                long uidValidity = responseNumber(sel, "UIDVALIDITY");
                if (exists < changes) {
                    throw new IOException(t.name() + ": INBOX has " + exists + " messages, fewer than --changes");
                }
                ok(client, "ENABLE QRESYNC");
                long step = exists / changes;
                long[] since = new long[1];
                int[] fetched = new int[1];
                Run withoutKnown = i -> {
                    client.command("UNSELECT");
                    since[0] = change(changer, exists, changes, step, i);
                    return () -> fetched[0] = qresyncSelect(client, "SELECT INBOX (QRESYNC (" + uidValidity + " "
                            + since[0] + "))");
                };
                long warm0 = System.nanoTime();
                qresyncSelect(client, "SELECT INBOX (QRESYNC (" + uidValidity + " 1))"); // first full resync, untimed
                System.out.printf(Locale.ROOT, "%s: %d messages, UIDVALIDITY %d; first SELECT (QRESYNC) from modseq 1"
                        + " %.0f ms (untimed)%n", t.name(), exists, uidValidity, (System.nanoTime() - warm0) / 1e6);
                Times plain = time(t, warmup, runs, withoutKnown);
                int plainFetched = fetched[0];
                String known = "1:" + (responseNumber(sel, "UIDNEXT") - 1);
                Run withKnown = i -> {
                    client.command("UNSELECT");
                    since[0] = change(changer, exists, changes, step, warmup + runs + i);
                    return () -> fetched[0] = qresyncSelect(client, "SELECT INBOX (QRESYNC (" + uidValidity + " "
                            + since[0] + " " + known + "))");
                };
                Times withSet = time(t, warmup, runs, withKnown);
                System.out.printf(Locale.ROOT, "%-12s SELECT (QRESYNC (v m))        median %7.2f ms (min %6.2f),"
                        + " server cpu %s ms/run [%d FETCH lines]%n", t.name(), plain.medianMs(), plain.minMs(),
                        plain.cpu(), plainFetched);
                System.out.printf(Locale.ROOT, "%-12s SELECT (QRESYNC (v m %s)) median %7.2f ms (min %6.2f),"
                        + " server cpu %s ms/run [%d FETCH lines]%n", t.name(), known, withSet.medianMs(),
                        withSet.minMs(), withSet.cpu(), fetched[0]);
                results.put(t.name(), new double[] {plain.medianMs(), plain.cpuPerRunMs(), withSet.medianMs(),
                    withSet.cpuPerRunMs()});
                client.command("LOGOUT");
                changer.command("LOGOUT");
            }
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
        ratios(results, new String[] {"wall, no known-uids", "server cpu, no known-uids", "wall, known-uids",
            "server cpu, known-uids"});
    }

    /**
     * Changes {@code \Flagged} on {@code changes} messages (sequence numbers {@code 1 + offset + k * step}, the
     * offset moving each run), after reading the HIGHESTMODSEQ; returns that modseq.
     */
    private static long change(ImapConnection changer, long exists, int changes, long step, int run)
            throws IOException {
        long before = statusNumber(ok(changer, "STATUS INBOX (HIGHESTMODSEQ)"), "HIGHESTMODSEQ");
        long offset = run % step;
        StringBuilder set = new StringBuilder(changes * 7);
        for (int k = 0; k < changes; k++) {
            if (k > 0) {
                set.append(',');
            }
            set.append(1 + offset + k * step);
        }
        ImapConnection.Response f = ok(changer, "FETCH " + (1 + offset) + " (FLAGS)");
        boolean flagged = f.untagged().stream().anyMatch(l -> l.contains("\\Flagged"));
        ok(changer, "STORE " + set + (flagged ? " -" : " +") + "FLAGS.SILENT (\\Flagged)");
        return before;
    }

    private static long statusNumber(ImapConnection.Response r, String name) {
        for (String l : r.untagged()) {
            int i = l.indexOf(name + " ");
            if (l.startsWith("* STATUS") && i >= 0) {
                Matcher m = NUMBER.matcher(l);
                if (m.find(i)) {
                    return Long.parseLong(m.group());
                }
            }
        }
        throw new IllegalStateException("no " + name + " in " + r.untagged());
    }

    /** Runs a QRESYNC SELECT and returns the number of FETCH responses in it. */
    private static int qresyncSelect(ImapConnection client, String command) throws IOException {
        ImapConnection.Response r = ok(client, command);
        int n = 0;
        for (String l : r.untagged()) {
            if (l.contains(" FETCH (")) {
                n++;
            }
        }
        return n;
    }

    // ---- SEARCH TEXT / BODY -------------------------------------------------------------------------------------

    static void search(String[] argv) throws Exception {
        Options o = new Options(argv, List.of());
        List<Target> targets = targets(o);
        String user = o.string("user", "user2");
        String password = o.string("password", "pass");
        int warmup = o.integer("warmup", 2);
        int runs = o.integer("runs", 6);
        List<String> queries = o.all("query").isEmpty()
                ? List.of("TEXT \"zzqx-absent\"", "BODY \"zzqx-absent\"", "TEXT \"laborum\"") : o.all("query");
        System.out.printf("imap-search: %s INBOX, %d warm-up + %d timed runs, load %s%n", user, warmup, runs,
                loadAverage());
        Map<String, double[]> results = new LinkedHashMap<>();
        for (Target t : targets) {
            try (ImapConnection c = login(t, user, password)) {
                ImapConnection.Response sel = ok(c, "SELECT INBOX");
                long exists = responseNumber(sel, "EXISTS");
                long bytes = 0;
                for (String l : ok(c, "FETCH 1:* (RFC822.SIZE)").untagged()) {
                    int i = l.indexOf("RFC822.SIZE ");
                    if (i >= 0) {
                        Matcher m = NUMBER.matcher(l);
                        if (m.find(i + "RFC822.SIZE ".length())) {
                            bytes += Long.parseLong(m.group());
                        }
                    }
                }
                double mb = bytes / 1e6;
                System.out.printf(Locale.ROOT, "%s: %d messages, %.1f MB (RFC822.SIZE)%n", t.name(), exists, mb);
                double[] r = new double[queries.size() * 2];
                for (int q = 0; q < queries.size(); q++) {
                    String cmd = "SEARCH " + queries.get(q);
                    int[] found = new int[1];
                    Times times = time(t, warmup, runs, i -> () -> found[0] = hits(ok(c, cmd)));
                    System.out.printf(Locale.ROOT, "%-12s %-26s median %8.1f ms (min %8.1f) = %5.0f MB/s,"
                            + " server cpu %s ms/run = %s MB/s [%d results]%n", t.name(), cmd, times.medianMs(),
                            times.minMs(), mb / (times.medianMs() / 1e3), times.cpu(),
                            times.serverCpuMs < 0 ? "-" : String.format(Locale.ROOT, "%.0f",
                                    mb / (times.cpuPerRunMs() / 1e3)), found[0]);
                    r[2 * q] = times.medianMs();
                    r[2 * q + 1] = times.cpuPerRunMs();
                }
                results.put(t.name(), r);
                c.command("LOGOUT");
            }
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
        String[] names = new String[queries.size() * 2];
        for (int q = 0; q < queries.size(); q++) {
            names[2 * q] = "wall, SEARCH " + queries.get(q);
            names[2 * q + 1] = "server cpu, SEARCH " + queries.get(q);
        }
        ratios(results, names);
    }

    private static int hits(ImapConnection.Response r) {
        for (String l : r.untagged()) {
            if (l.startsWith("* SEARCH")) {
                String rest = l.substring(8).trim();
                return rest.isEmpty() ? 0 : rest.split(" ").length;
            }
        }
        return 0;
    }

    /** Time ratios of every other target to the first one (above 1: the first target is faster). */
    private static void ratios(Map<String, double[]> results, String[] names) {
        if (results.size() < 2) {
            return;
        }
        List<String> keys = new ArrayList<>(results.keySet());
        double[] base = results.get(keys.get(0));
        for (int k = 1; k < keys.size(); k++) {
            double[] other = results.get(keys.get(k));
            for (int i = 0; i < names.length; i++) {
                if (base[i] > 0 && other[i] > 0) {
                    System.out.printf(Locale.ROOT, "time ratio %s / %s, %s: %.2f%n", keys.get(k), keys.get(0),
                            names[i], other[i] / base[i]);
                }
            }
        }
    }
}
