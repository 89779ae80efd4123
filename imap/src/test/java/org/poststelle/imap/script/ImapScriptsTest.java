package org.poststelle.imap.script;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.core.testing.ProtocolScript;
import org.poststelle.imap.testing.ImapTestServer;

/**
 * The conformance suite: every {@code imap-scripts/*.script} against a fresh in-process server over TCP.
 * Scripts whose name starts with {@code tls-only-} run against a server that refuses passwords without TLS;
 * in {@code quota*} scripts alice has a quota of 4 KiB and 3 messages, in {@code replace*} scripts carol may keep 2
 * messages, in {@code utf8-*} scripts UTF8=ACCEPT is offered ({@code imap.utf8_accept}).
 */
class ImapScriptsTest {
    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> scripts() throws IOException, URISyntaxException {
        URL dir = getClass().getResource("/imap-scripts");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of(dir.toURI()))) {
            s.filter(p -> p.toString().endsWith(".script")).sorted().forEach(files::add);
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }

    private void run(Path file) throws IOException {
        String name = file.getFileName().toString();
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path data = Files.createDirectories(temp.resolve(name));
        ImapTestServer.Options options = new ImapTestServer.Options();
        if (name.startsWith("tls-only-")) {
            options.tlsOnlyLogin();
        }
        if (name.startsWith("limits-")) {
            options.imap("max_line_length", "2k").imap("max_literal_size", "4k").imap("append_limit", "16k")
                    .imap("max_bad_commands", 5);
        }
        if (name.startsWith("quota")) {
            options.extraFields("alice", "quota_bytes=4k quota_messages=3");
        }
        if (name.startsWith("utf8-")) {
            options.imap("utf8_accept", true);
        }
        if (name.startsWith("replace")) {
            options.extraFields("carol", "quota_messages=2");
        }
        try (ImapTestServer server = ImapTestServer.start(data, options)) {
            InetSocketAddress addr = server.address();
            ProtocolScript.parse(name, text).run(Map.of("default", addr, "imap", addr), Duration.ofSeconds(10));
        }
    }
}
