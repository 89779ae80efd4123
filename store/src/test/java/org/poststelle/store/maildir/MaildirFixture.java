package org.poststelle.store.maildir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.poststelle.core.auth.Account;
import org.poststelle.core.auth.AccountPolicy;

/** What Maildir tests share: the test account, where its Maildir is, and an MTA-style delivery. */
final class MaildirFixture {
    static final Account ALICE = new Account("alice@example.org", "alice", "example.org", Optional.empty(),
            AccountPolicy.DEFAULT);

    private MaildirFixture() {
    }

    static Path root(Path dataDir) {
        return dataDir.resolve("mail/example.org/alice/Maildir");
    }

    /** Delivers like Postfix or procmail: write into tmp/, then rename into new/ (or cur/ with flags). */
    static String deliver(Path folder, String name, String content, boolean intoCur) throws IOException {
        Files.createDirectories(folder.resolve("tmp"));
        Path tmp = folder.resolve("tmp").resolve(name);
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Path target = folder.resolve(intoCur ? "cur" : "new").resolve(name);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return target.getFileName().toString();
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
