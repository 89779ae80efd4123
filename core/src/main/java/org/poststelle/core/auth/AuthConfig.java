package org.poststelle.core.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poststelle.core.auth.hash.PasswordSchemes;
import org.poststelle.core.config.ConfigException;
import org.poststelle.core.config.ConfigSection;
import org.poststelle.core.net.Cidr;

/**
 * The {@code auth:} section of poststelle.yml (documented in docs/config/auth.yml).
 *
 * @param usersFile the Dovecot-style passwd-file with the accounts
 * @param defaultDomain appended to bare login names when looking them up (first try), "" for none
 * @param plaintextWithoutTls allow plaintext authentication on connections without TLS
 * @param trustedNetworks client networks where plaintext authentication without TLS is allowed anyway
 * @param defaultScheme password scheme for new passwords, and for the dummy hash that unknown users pay
 * @param failureDelay the brute-force defence
 * @param credentialsCacheTtl how long a verified password is remembered; zero disables the cache
 * @param hashThreads threads that run password hashes
 * @param hashQueue hash jobs that may wait for a thread; beyond that logins answer "try again later"
 */
public record AuthConfig(Path usersFile, String defaultDomain, boolean plaintextWithoutTls, List<Cidr> trustedNetworks,
        String defaultScheme, FailureDelay failureDelay, Duration credentialsCacheTtl, int hashThreads, int hashQueue) {

    /**
     * The growing delay before a failure answer, counted per client address and per account name.
     *
     * @param base delay after the first failure; each further failure doubles it; zero disables delays
     * @param max the delay never grows beyond this
     * @param forgetAfter counted failures are forgotten after this long without a new one
     * @param lockoutAfter after this many failures from one address, even a right password fails (0: never)
     * @param exemptNetworks addresses not counted per address (e.g. a webmail host); accounts still are
     */
    public record FailureDelay(Duration base, Duration max, Duration forgetAfter, int lockoutAfter,
            List<Cidr> exemptNetworks) {
        public static final FailureDelay NONE = new FailureDelay(Duration.ZERO, Duration.ZERO, Duration.ofMinutes(15),
                0, List.of());

        public FailureDelay {
            exemptNetworks = List.copyOf(exemptNetworks);
            if (max.compareTo(base) < 0) {
                max = base;
            }
        }
    }

    public AuthConfig {
        trustedNetworks = List.copyOf(trustedNetworks);
        defaultScheme = defaultScheme.toUpperCase(Locale.ROOT);
        if (!PasswordSchemes.canGenerate(defaultScheme)) {
            throw new IllegalArgumentException("cannot hash new passwords with " + defaultScheme);
        }
        if (hashThreads < 1 || hashQueue < 1) {
            throw new IllegalArgumentException("hash threads and queue must be at least 1");
        }
    }

    /** Default hash threads: one per core, at most 8 (each ARGON2ID hash holds 64 MiB while it runs). */
    static int defaultHashThreads() {
        return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    /** The built-in defaults over a given users file (tools and tests). */
    public static AuthConfig of(Path usersFile) {
        return from(ConfigSection.empty(), usersFile.toAbsolutePath().getParent())
                .withUsersFile(usersFile);
    }

    /** Reads the {@code auth} section; relative paths are below {@code dataDir}. */
    public static AuthConfig from(ConfigSection auth, Path dataDir) {
        Path usersFile = auth.path("users_file", dataDir, dataDir.resolve("users"));
        String defaultDomain = auth.string("default_domain", "").trim().toLowerCase(Locale.ROOT);
        if (defaultDomain.contains("@") || defaultDomain.contains(":") || defaultDomain.contains(" ")) {
            throw new ConfigException(auth.key("default_domain"), "must be a domain name such as example.com");
        }
        boolean plaintext = auth.bool("plaintext_without_tls", false);
        List<Cidr> trusted = networks(auth, "trusted_networks");
        String scheme = auth.string("default_scheme", PasswordSchemes.DEFAULT).trim().toUpperCase(Locale.ROOT);
        if (!PasswordSchemes.canGenerate(scheme)) {
            throw new ConfigException(auth.key("default_scheme"),
                    "must be one of " + String.join(", ", PasswordSchemes.generatable()) + " (got \"" + scheme + "\")");
        }
        ConfigSection fd = auth.section("failure_delay");
        Duration base = fd.duration("base", Duration.ofSeconds(2));
        Duration max = fd.duration("max", Duration.ofSeconds(30));
        if (max.compareTo(base) < 0) {
            throw new ConfigException(fd.key("max"), "must not be less than " + fd.key("base"));
        }
        Duration forget = fd.duration("forget_after", Duration.ofMinutes(15));
        if (forget.isZero()) {
            throw new ConfigException(fd.key("forget_after"), "must be more than 0");
        }
        int lockout = fd.integer("lockout_after", 30, 0, 1_000_000);
        List<Cidr> exempt = networks(fd, "exempt_networks");
        Duration cacheTtl = auth.duration("credentials_cache_ttl", Duration.ofMinutes(5));
        int threads = auth.integer("hash_threads", defaultHashThreads(), 1, 256);
        int queue = auth.integer("hash_queue", 1000, 1, 1_000_000);
        return new AuthConfig(usersFile, defaultDomain, plaintext, trusted, scheme,
                new FailureDelay(base, max, forget, lockout, exempt), cacheTtl, threads, queue);
    }

    private static List<Cidr> networks(ConfigSection section, String key) {
        List<Cidr> out = new ArrayList<>();
        for (String s : section.stringList(key, List.of())) {
            try {
                out.add(Cidr.parse(s));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(section.key(key), e.getMessage());
            }
        }
        return out;
    }

    /** When plaintext logins are allowed, for the front-ends. */
    public PlaintextPolicy plaintextPolicy() {
        return new PlaintextPolicy(plaintextWithoutTls, trustedNetworks);
    }

    public AuthConfig withUsersFile(Path file) {
        return new AuthConfig(file, defaultDomain, plaintextWithoutTls, trustedNetworks, defaultScheme, failureDelay,
                credentialsCacheTtl, hashThreads, hashQueue);
    }

    public AuthConfig withDefaultDomain(String domain) {
        return new AuthConfig(usersFile, domain.toLowerCase(Locale.ROOT), plaintextWithoutTls, trustedNetworks,
                defaultScheme, failureDelay, credentialsCacheTtl, hashThreads, hashQueue);
    }

    public AuthConfig withDefaultScheme(String scheme) {
        return new AuthConfig(usersFile, defaultDomain, plaintextWithoutTls, trustedNetworks, scheme, failureDelay,
                credentialsCacheTtl, hashThreads, hashQueue);
    }

    public AuthConfig withFailureDelay(FailureDelay delay) {
        return new AuthConfig(usersFile, defaultDomain, plaintextWithoutTls, trustedNetworks, defaultScheme, delay,
                credentialsCacheTtl, hashThreads, hashQueue);
    }

    /** No delay before failure answers and no lockout: for other modules' tests that try wrong passwords. */
    public AuthConfig withoutFailureDelay() {
        return withFailureDelay(FailureDelay.NONE);
    }

    public AuthConfig withCredentialsCacheTtl(Duration ttl) {
        return new AuthConfig(usersFile, defaultDomain, plaintextWithoutTls, trustedNetworks, defaultScheme,
                failureDelay, ttl, hashThreads, hashQueue);
    }

    public AuthConfig withHashThreads(int threads, int queue) {
        return new AuthConfig(usersFile, defaultDomain, plaintextWithoutTls, trustedNetworks, defaultScheme,
                failureDelay, credentialsCacheTtl, threads, queue);
    }
}
