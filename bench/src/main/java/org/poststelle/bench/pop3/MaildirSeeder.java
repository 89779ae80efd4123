package org.poststelle.bench.pop3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Random;

/**
 * Fills Maildirs with benchmark messages, as an MDA would deliver them (into new/), so Poststelle's store
 * and the reference Dovecot serve identical mail. Messages are deterministic per user and number, have
 * realistic headers and text bodies, and some body lines start with "." (dot-stuffing is exercised).
 */
public final class MaildirSeeder {
    private static final String[] WORDS = ("the of and to in is that for it as was with be by on not he this are or his "
            + "from at which but have an they you were her she there one all we their can has been if more when will "
            + "would who so no mailbox server message delivery protocol retrieve download client network").split(" ");

    private MaildirSeeder() {
    }

    static void seed(String[] argv) throws IOException {
        BenchArgs a = new BenchArgs(argv, List.of("crlf", "clear"));
        String template = a.string("maildirs", "/tmp/refdovecot/mail/{user}/Maildir");
        List<String> users = BenchArgs.users(a.string("users", "user1..user50"));
        int messages = a.integer("messages", 50);
        String size = a.string("size", "2k-200k");
        boolean crlf = a.flag("crlf");
        String owner = a.string("owner", null);
        long min;
        long max;
        if (size.contains("-")) {
            min = BenchArgs.size(size.substring(0, size.indexOf('-')));
            max = BenchArgs.size(size.substring(size.indexOf('-') + 1));
        } else {
            min = max = BenchArgs.size(size);
        }
        long total = 0;
        for (String user : users) {
            Path maildir = Path.of(template.replace("{user}", user));
            if (a.flag("clear")) {
                Pop3Bench.deleteTree(maildir);
            }
            for (String sub : new String[] {"cur", "new", "tmp"}) {
                Files.createDirectories(maildir.resolve(sub));
            }
            Random random = new Random(user.hashCode());
            for (int i = 1; i <= messages; i++) {
                long target = min == max ? min : (long) (min * Math.pow((double) max / min, random.nextDouble()));
                byte[] bytes = message(user, i, target, random, crlf);
                String name = (1_700_000_000L + i) + ".M" + i + "P" + Math.abs(user.hashCode()) + ".bench,S=" + bytes.length;
                Files.write(maildir.resolve("new").resolve(name), bytes);
                total += bytes.length;
            }
            if (owner != null) {
                chownTree(maildir.getParent(), owner);
            }
        }
        System.out.printf("seeded %d users x %d messages, %.1f MB, into %s%n", users.size(), messages, total / 1e6,
                template);
    }

    static byte[] message(String user, int n, long targetSize, Random random, boolean crlf) {
        String eol = crlf ? "\r\n" : "\n";
        StringBuilder sb = new StringBuilder((int) targetSize + 200);
        sb.append("Return-Path: <sender").append(n % 7).append("@example.org>").append(eol)
                .append("Received: from mx.example.org by mail.example.net with ESMTPS; Mon, 1 Jan 2024 10:00:00 +0000")
                .append(eol)
                .append("From: Sender ").append(n % 7).append(" <sender").append(n % 7).append("@example.org>").append(eol)
                .append("To: ").append(user).append("@example.net").append(eol)
                .append("Subject: Benchmark message ").append(n).append(" for ").append(user).append(eol)
                .append("Date: Mon, 1 Jan 2024 10:").append(String.format("%02d", n % 60)).append(":00 +0000").append(eol)
                .append("Message-ID: <").append(n).append('.').append(user).append("@bench.example.org>").append(eol)
                .append("MIME-Version: 1.0").append(eol)
                .append("Content-Type: text/plain; charset=us-ascii").append(eol)
                .append(eol);
        int line = 0;
        while (sb.length() < targetSize) {
            StringBuilder l = new StringBuilder(80);
            if (++line % 40 == 0) {
                l.append('.');
            }
            while (l.length() < 70) {
                l.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            sb.append(l.toString().stripTrailing()).append(eol);
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Gives a Maildir tree to the user (and group) a reference server runs as, e.g. Dovecot's vmail. */
    public static void chownTree(Path dir, String owner) throws IOException {
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(owner);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(owner);
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
                view.setOwner(user);
                view.setGroup(group);
            }
        }
    }
}
