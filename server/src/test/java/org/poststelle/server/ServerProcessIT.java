package org.poststelle.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped artifact as an operator runs it: docker/entrypoint.sh starting target/poststelle.jar in a
 * child process. Checks the first start, metrics and health, SIGTERM and bad configuration.
 */
class ServerProcessIT {
    private static final Path ENTRYPOINT = Path.of("..", "docker", "entrypoint.sh").toAbsolutePath().normalize();
    private static final Path JAR = Path.of("target", "poststelle.jar").toAbsolutePath();

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
    }

    record Running(Process process, List<String> out, List<String> err, int metricsPort) {
        String stdout() {
            return String.join("\n", out);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Running start(Path data, String... extra) throws IOException {
        int metrics = freePort();
        List<String> cmd = new ArrayList<>(List.of("sh", ENTRYPOINT.toString(), "serve", "--data", data.toString(),
                "--imap-port", String.valueOf(freePort()), "--imaps-port", String.valueOf(freePort()),
                "--pop3-port", String.valueOf(freePort()), "--pop3s-port", String.valueOf(freePort()),
                "--metrics-port", String.valueOf(metrics)));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("POSTSTELLE_JAR", JAR.toString());
        env.remove("POSTSTELLE_CONFIG");
        env.put("JAVA_OPTS", "-Xmx256m");
        Process p = pb.start();
        processes.add(p);
        List<String> out = new CopyOnWriteArrayList<>();
        List<String> err = new CopyOnWriteArrayList<>();
        pump(p.getInputStream(), out);
        pump(p.getErrorStream(), err);
        return new Running(p, out, err, metrics);
    }

    private static void pump(java.io.InputStream in, List<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitHealthy(Running r) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(r.process().isAlive()).as("server exited: %s", r.err()).isTrue();
                    assertThat(get(r.metricsPort(), "/health").statusCode()).isEqualTo(200);
                });
    }

    @Test
    void firstStartCreatesOneAccountServesMetricsAndStopsCleanlyOnSigterm() throws Exception {
        Path data = dir.resolve("data");
        Running first = start(data);
        awaitHealthy(first);
        assertThat(first.stdout()).contains("user:     postmaster").contains("password: ");
        assertThat(Files.exists(data.resolve("users"))).isTrue();
        assertThat(Files.readString(data.resolve("users"))).doesNotContain(passwordFrom(first.stdout()));

        HttpResponse<String> metrics = get(first.metricsPort(), "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("poststelle_");

        first.process().destroy(); // SIGTERM
        assertThat(first.process().waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();
        assertThat(first.process().exitValue()).isZero();

        Running second = start(data);
        awaitHealthy(second);
        assertThat(second.stdout()).doesNotContain("password:");
        second.process().destroy();
        assertThat(second.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.process().exitValue()).isZero();
    }

    private static String passwordFrom(String stdout) {
        for (String line : stdout.split("\n")) {
            if (line.trim().startsWith("password:")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        throw new AssertionError("no password line in: " + stdout);
    }

    @Test
    void aBadConfigKeyGivesOneClearLineAndExitCode2() throws Exception {
        Path config = dir.resolve("poststelle.yml");
        Files.writeString(config, "imap:\n  prot: 143\n");
        Running r = start(dir.resolve("data"), "--config", config.toString());
        assertThat(r.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(r.process().exitValue()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> !r.err().isEmpty());
        assertThat(r.err()).hasSize(1);
        assertThat(r.err().get(0)).contains("imap.prot").contains("unknown key").doesNotContain("Exception");
    }

    @Test
    void aBadValueNamesTheKey() throws Exception {
        Path config = dir.resolve("poststelle.yml");
        Files.writeString(config, "limits:\n  max_connections: lots\n");
        Running r = start(dir.resolve("data"), "--config", config.toString());
        assertThat(r.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(r.process().exitValue()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> !r.err().isEmpty());
        assertThat(r.err()).hasSize(1);
        assertThat(r.err().get(0)).contains("limits.max_connections");
    }
}
