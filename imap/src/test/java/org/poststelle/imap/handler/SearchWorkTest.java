package org.poststelle.imap.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.imap.testing.ImapTestServer;
import org.poststelle.imap.testing.TestClient;

/**
 * A search that reads message files does not hold the session executor that other connections share. Once
 * indexed, the message file is replaced by a named pipe, so the search blocks in opening it until the test
 * writes into it: meanwhile another session on the same (only) session thread logs in and is answered, and the
 * searching session's next command waits for the search's answer.
 */
class SearchWorkTest {
    private static final String MESSAGE = "From: a@example.org\r\nSubject: piped\r\n\r\nthe needle is here\r\n";

    @TempDir
    Path dir;

    @Test
    void textSearchLeavesTheSessionThreadFree() throws Exception {
        try (ImapTestServer server = ImapTestServer.start(dir, new ImapTestServer.Options().sessionThreads(1));
                TestClient alice = TestClient.loggedIn(server, "alice")) {
            alice.send("A1 APPEND INBOX {" + MESSAGE.length() + "+}\r\n" + MESSAGE + "\r\n");
            alice.expect("A1 OK .*");
            alice.command("A2 SELECT INBOX");
            Path file;
            try (Stream<Path> files = Files.walk(dir.resolve("mail/alice"))) {
                file = files.filter(p -> p.getParent().endsWith("cur") && Files.isRegularFile(p)).findFirst()
                        .orElseThrow();
            }
            byte[] stored = Files.readAllBytes(file);
            Path pipe = dir.resolve("pipe");
            assumeTrue(mkfifo(pipe), "mkfifo is not available");
            // same name: the store still knows the message by it, and opening it blocks until a writer comes
            Files.move(pipe, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            alice.send("A3 SEARCH TEXT needle\r\nA4 NOOP\r\n");
            CompletableFuture<Void> writer;
            try (TestClient bob = TestClient.loggedIn(server, "bob")) {
                assertThat(bob.command("B1 NOOP")).last().asString().startsWith("B1 OK");
            } finally {
                // also when bob was not answered: a search stuck on the session thread must not hang the build
                writer = feed(file, stored);
            }
            List<String> answer = new ArrayList<>();
            String line;
            do {
                line = alice.readLine();
                answer.add(line);
            } while (line != null && !line.startsWith("A4 "));
            writer.get(20, TimeUnit.SECONDS);
            // the store reads message files by position, which a pipe cannot do, so once the pipe has given its
            // bytes the search ends with a NO; what matters is that it ends, and only then the pipelined NOOP
            assertThat(answer).containsSubsequence("A3 NO [UNAVAILABLE] cannot read a message",
                    "A4 OK NOOP completed.");
        }
    }

    private static CompletableFuture<Void> feed(Path pipe, byte[] bytes) {
        return CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(pipe)) {
                out.write(bytes);
            } catch (IOException e) {
                // the reader gave up early: its answer says so
            }
        });
    }

    private static boolean mkfifo(Path path) {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            try (InputStream out = p.getInputStream()) {
                out.readAllBytes();
            }
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
