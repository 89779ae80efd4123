package org.poststelle.bench.auth;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.poststelle.bench.Bench;
import org.poststelle.core.auth.AuthConfig;
import org.poststelle.core.auth.AuthContext;
import org.poststelle.core.auth.AuthResult;
import org.poststelle.core.auth.PasswdFileAuthenticator;
import org.poststelle.core.auth.Protocol;
import org.poststelle.core.auth.hash.PasswordSchemes;

/**
 * Logins per second through {@link PasswdFileAuthenticator}: "cold" (credentials cache off, every login pays
 * a full hash) and "cached" (the same logins answered from the verified-credentials cache), with several
 * client threads. Usage: {@code auth [--threads N] [--seconds S] [--users U] [--scheme ARGON2ID]}.
 */
public final class AuthBench {
    static {
        Bench.register("auth", AuthBench::run);
    }

    private AuthBench() {
    }

    static void run(String[] args) throws Exception {
        int threads = intArg(args, "--threads", 2);
        int seconds = intArg(args, "--seconds", 10);
        int users = intArg(args, "--users", 20);
        String scheme = stringArg(args, "--scheme", "ARGON2ID");
        Path dir = Files.createTempDirectory("poststelle-authbench");
        try {
            Path file = dir.resolve("users");
            StringBuilder content = new StringBuilder();
            for (int i = 0; i < users; i++) {
                content.append("user").append(i).append("@example.com:")
                        .append(PasswordSchemes.hash(scheme, ("password" + i).toCharArray())).append("\n");
            }
            Files.writeString(file, content);
            System.out.printf("auth benchmark: %d users (%s), %d client threads, %d s per mode, %d cores%n",
                    users, scheme, threads, seconds, Runtime.getRuntime().availableProcessors());
            AuthConfig base = AuthConfig.of(file).withoutFailureDelay().withHashThreads(threads, 100_000);
            measure("cold", base.withCredentialsCacheTtl(Duration.ZERO), threads, seconds, users);
            measure("cached", base.withCredentialsCacheTtl(Duration.ofMinutes(5)), threads, seconds, users);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void measure(String mode, AuthConfig config, int threads, int seconds, int users) throws Exception {
        try (PasswdFileAuthenticator auth = PasswdFileAuthenticator.open(config)) {
            AuthContext ctx = new AuthContext(Protocol.POP3, InetAddress.getLoopbackAddress(), true, "USER");
            // warm-up: JIT, and for "cached" one verified login per user
            for (int i = 0; i < users; i++) {
                check(auth.authenticate("user" + i + "@example.com", "password" + i, ctx).toCompletableFuture().join());
            }
            AtomicLong logins = new AtomicLong();
            AtomicLong nanos = new AtomicLong();
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                Thread th = new Thread(() -> {
                    int i = first;
                    while (System.nanoTime() < end) {
                        int u = i++ % users;
                        long start = System.nanoTime();
                        AuthResult r = auth.authenticate("user" + u + "@example.com", "password" + u, ctx)
                                .toCompletableFuture().join();
                        nanos.addAndGet(System.nanoTime() - start);
                        check(r);
                        logins.incrementAndGet();
                    }
                }, "bench-client-" + t);
                clients.add(th);
                th.start();
            }
            for (Thread th : clients) {
                th.join();
            }
            long n = logins.get();
            System.out.printf("%-6s %8d logins in %d s = %10.1f logins/s, mean latency %8.3f ms%n", mode, n, seconds,
                    n / (double) seconds, n == 0 ? 0 : nanos.get() / 1e6 / n);
        }
    }

    private static void check(AuthResult r) {
        if (!(r instanceof AuthResult.Success)) {
            throw new IllegalStateException("login failed: " + r);
        }
    }

    private static int intArg(String[] args, String name, int def) {
        String v = stringArg(args, name, null);
        return v == null ? def : Integer.parseInt(v);
    }

    private static String stringArg(String[] args, String name, String def) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return def;
    }
}
