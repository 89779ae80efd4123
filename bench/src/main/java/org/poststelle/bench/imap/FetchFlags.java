package org.poststelle.bench.imap;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.poststelle.core.auth.Account;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.store.Mailbox;
import org.poststelle.store.UserMailboxes;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.NewMessage;

/**
 * {@code imap-fetch-flags}: {@code UID FETCH 1:* (UID FLAGS)} on a large INBOX (100 000 messages by default),
 * against an in-process server over loopback TCP; prints messages per second for each round.
 */
final class FetchFlags {
    private FetchFlags() {
    }

    static void run(String[] argv) throws Exception {
        ImapBench.quietLogging();
        Options o = new Options(argv, List.of("tls", "keep"));
        int messages = o.integer("messages", 100_000);
        int rounds = o.integer("rounds", 20);
        boolean tls = o.flag("tls");
        Path data = Path.of(o.string("data", "/tmp/poststelle-fetch-flags"));
        int cores = Runtime.getRuntime().availableProcessors();
        try (BenchServer server = new BenchServer(data, List.of("big"), "pass", 0, 0, false, cores, cores)) {
            seed(server, messages);
            try (ImapConnection c = new ImapConnection("127.0.0.1", tls ? server.tlsPort() : server.port(), tls)) {
                c.command("LOGIN big pass");
                long t = System.nanoTime();
                ImapConnection.Response sel = c.command("SELECT INBOX");
                System.out.printf(Locale.ROOT, "imap-fetch-flags: SELECT of %d messages took %.1f ms (%s)%n", messages,
                        (System.nanoTime() - t) / 1e6, sel.untagged().stream().filter(l -> l.endsWith("EXISTS"))
                                .findFirst().orElse("?"));
                List<Double> rates = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    ImapConnection.Response resp = c.command("UID FETCH 1:* (UID FLAGS)");
                    double s = (System.nanoTime() - t0) / 1e9;
                    int n = resp.untagged().size();
                    rates.add(n / s);
                    System.out.printf(Locale.ROOT, "round %d: %d messages in %.1f ms = %.0f messages/s, %.1f MB/s%n",
                            r + 1, n, s * 1000, n / s, c.lastBytes / s / 1e6);
                }
                // the first rounds warm up the JIT: report the median of the second half
                List<Double> warm = new ArrayList<>(rates.subList(rates.size() / 2, rates.size()));
                warm.sort(Comparator.naturalOrder());
                System.out.printf(Locale.ROOT, "median of the last %d rounds %.0f messages/s, best %.0f (%s)%n",
                        warm.size(), warm.get(warm.size() / 2), warm.get(warm.size() - 1), tls ? "TLS" : "plain");
                c.command("LOGOUT");
            }
        } finally {
            if (!o.flag("keep")) {
                try (Stream<Path> walk = Files.walk(data)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** Appends through the store API in batches until INBOX has {@code messages} messages, some flagged. */
    static void seed(BenchServer server, int messages) {
        Account account = new Account("big", "big", "", java.util.Optional.empty(), AccountPolicy.DEFAULT);
        UserMailboxes boxes = server.store.forAccount(account);
        try (Mailbox inbox = boxes.open(MailboxName.INBOX, false)) {
            MailboxSnapshot s = inbox.snapshot();
            int have = s.size();
            long t0 = System.nanoTime();
            while (have < messages) {
                List<NewMessage> batch = new ArrayList<>();
                for (int i = 0; i < 1000 && have + batch.size() < messages; i++) {
                    int n = have + batch.size();
                    byte[] body = ("From: a@example.org\r\nSubject: m" + n + "\r\n\r\nbody " + n + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII);
                    int bits = (n % 3 == 0 ? Flags.SEEN : 0) | (n % 17 == 0 ? Flags.FLAGGED : 0);
                    batch.add(NewMessage.of(body, Flags.ofSystem(bits), null));
                }
                inbox.append(batch);
                have += batch.size();
            }
            System.out.printf(Locale.ROOT, "seeded %d messages in %.1f s%n", messages, (System.nanoTime() - t0) / 1e9);
        }
    }
}
