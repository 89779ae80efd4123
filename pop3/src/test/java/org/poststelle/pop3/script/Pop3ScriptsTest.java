package org.poststelle.pop3.script;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.core.testing.ProtocolScript;
import org.poststelle.pop3.it.Messages;
import org.poststelle.pop3.it.Pop3TestServer;

/**
 * Runs every {@code pop3-scripts/*.script} against a fresh server whose alice has three messages:
 * {@link Messages#simple} 1 and 2, then {@link Messages#tricky}. Users: alice, bob, carol (password
 * "secret"); plaintext login allowed without TLS.
 */
class Pop3ScriptsTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> scripts() throws IOException, URISyntaxException {
        Path folder = Path.of(Pop3ScriptsTest.class.getResource("/pop3-scripts").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".script")).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
    }

    private void run(Path file) throws Exception {
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ProtocolScript script = ProtocolScript.parse(file.getFileName().toString(), text);
        try (Pop3TestServer server = Pop3TestServer.builder(Files.createTempDirectory(dir, "script")).start()) {
            server.deliver("alice", Messages.simple(1), Messages.simple(2), Messages.tricky());
            InetSocketAddress address = server.address();
            script.run(Map.of("default", address, "pop3", address), Duration.ofSeconds(10));
        }
    }
}
