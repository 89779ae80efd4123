package org.poststelle.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poststelle.core.config.ConfigException;
import org.poststelle.core.config.ConfigFile;
import org.poststelle.core.config.ConfigSection;

class AuthConfigTest {
    static final Path DATA = Path.of("/var/lib/poststelle");

    @Test
    void defaults() {
        AuthConfig c = AuthConfig.from(ConfigSection.empty().section("auth"), DATA);
        assertThat(c.usersFile()).isEqualTo(DATA.resolve("users"));
        assertThat(c.defaultDomain()).isEmpty();
        assertThat(c.plaintextWithoutTls()).isFalse();
        assertThat(c.trustedNetworks()).isEmpty();
        assertThat(c.defaultScheme()).isEqualTo("ARGON2ID");
        assertThat(c.failureDelay().base()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.failureDelay().max()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.failureDelay().forgetAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.failureDelay().lockoutAfter()).isEqualTo(30);
        assertThat(c.failureDelay().exemptNetworks()).isEmpty();
        assertThat(c.credentialsCacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.hashThreads()).isBetween(1, 8);
        assertThat(c.hashQueue()).isEqualTo(1000);
        assertThat(c.plaintextPolicy()).isEqualTo(PlaintextPolicy.TLS_ONLY);
    }

    @Test
    void everyKey() throws Exception {
        ConfigSection root = ConfigFile.parse("""
                auth:
                  users_file: accounts/passwd
                  default_domain: Example.com
                  plaintext_without_tls: true
                  trusted_networks: [127.0.0.0/8, "::1"]
                  default_scheme: sha512-crypt
                  failure_delay:
                    base: 1s
                    max: 1m
                    forget_after: 1h
                    lockout_after: 0
                    exempt_networks: 10.1.2.3
                  credentials_cache_ttl: 0
                  hash_threads: 3
                  hash_queue: 50
                """);
        AuthConfig c = AuthConfig.from(root.section("auth"), DATA);
        assertThat(c.usersFile()).isEqualTo(DATA.resolve("accounts/passwd"));
        assertThat(c.defaultDomain()).isEqualTo("example.com");
        assertThat(c.plaintextPolicy().allows(InetAddress.getByName("127.0.0.2"), false)).isTrue();
        assertThat(c.trustedNetworks()).hasSize(2);
        assertThat(c.defaultScheme()).isEqualTo("SHA512-CRYPT");
        assertThat(c.failureDelay().max()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.failureDelay().lockoutAfter()).isZero();
        assertThat(c.failureDelay().exemptNetworks()).hasSize(1);
        assertThat(c.credentialsCacheTtl()).isZero();
        assertThat(c.hashThreads()).isEqualTo(3);
        assertThat(root.unknownKeys()).isEmpty();
    }

    @Test
    void trustedNetworksAreNotTrustedByDefault() throws Exception {
        PlaintextPolicy p = AuthConfig.from(ConfigSection.empty(), DATA).plaintextPolicy();
        assertThat(p.allows(InetAddress.getByName("127.0.0.2"), false)).isFalse();
        assertThat(p.allows(InetAddress.getByName("127.0.0.2"), true)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "default_scheme: MD5-CRYPT|auth.default_scheme",
        "trusted_networks: [example.com]|auth.trusted_networks",
        "default_domain: a@b|auth.default_domain",
        "failure_delay: {base: 10s, max: 5s}|auth.failure_delay.max",
        "failure_delay: {forget_after: 0}|auth.failure_delay.forget_after",
        "hash_threads: 0|auth.hash_threads",
        "credentials_cache_ttl: soon|auth.credentials_cache_ttl",
        "plaintext_without_tls: perhaps|auth.plaintext_without_tls",
    })
    void badValuesNameTheKey(String yaml, String key) {
        ConfigSection root = ConfigFile.parse("auth:\n  " + yaml + "\n");
        assertThatThrownBy(() -> AuthConfig.from(root.section("auth"), DATA))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key));
    }

    /** docs/config/auth.yml is the documented example: it must parse and name every key that is read. */
    @Test
    void theDocumentedExampleIsCompleteAndValid() throws Exception {
        Path doc = Path.of("..", "docs", "config", "auth.yml");
        ConfigSection root = ConfigFile.parse(Files.readString(doc));
        AuthConfig documented = AuthConfig.from(root.section("auth"), DATA);
        assertThat(root.unknownKeys()).isEmpty();
        AuthConfig defaults = AuthConfig.from(ConfigSection.empty().section("auth"), DATA);
        assertThat(documented.withHashThreads(defaults.hashThreads(), documented.hashQueue())).isEqualTo(defaults);

        ConfigSection probe = ConfigSection.empty();
        AuthConfig.from(probe.section("auth"), DATA);
        for (String key : probe.readKeys()) {
            assertThat(Files.readString(doc)).as(key).contains(key.substring(key.lastIndexOf('.') + 1) + ":");
        }
    }
}
