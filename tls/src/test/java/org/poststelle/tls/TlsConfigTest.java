package org.poststelle.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poststelle.core.config.ConfigException;
import org.poststelle.core.config.ConfigFile;
import org.poststelle.core.config.ConfigSection;

class TlsConfigTest {
    private static final Path DOC = Path.of("..", "docs", "config", "tls.yml");

    @TempDir
    Path data;

    @Test
    void defaults() {
        TlsConfig c = TlsConfig.from(ConfigSection.empty(), data);

        assertThat(c.certificates()).isEmpty();
        assertThat(c.selfSignedDir()).isEqualTo(data.resolve("tls"));
        assertThat(c.reloadInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.handshakeTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.provider()).isEqualTo(TlsConfig.Provider.AUTO);
        assertThat(c.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void readsEveryKey() {
        ConfigSection root = ConfigFile.parse("""
                tls:
                  certificates:
                    - cert: /etc/letsencrypt/live/a/fullchain.pem
                      key: /etc/letsencrypt/live/a/privkey.pem
                    - cert: certs/combined.pem
                  self_signed_dir: /var/lib/poststelle/selfsigned
                  reload_interval: 5m
                  handshake_timeout: 10s
                  provider: jdk
                  min_protocol: tlsv1.3
                """);
        TlsConfig c = TlsConfig.from(root.section("tls"), data);

        assertThat(c.certificates()).containsExactly(
                new TlsConfig.CertificateFiles(Path.of("/etc/letsencrypt/live/a/fullchain.pem"),
                        Path.of("/etc/letsencrypt/live/a/privkey.pem")),
                new TlsConfig.CertificateFiles(data.resolve("certs/combined.pem"), data.resolve("certs/combined.pem")));
        assertThat(c.selfSignedDir()).isEqualTo(Path.of("/var/lib/poststelle/selfsigned"));
        assertThat(c.reloadInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.provider()).isEqualTo(TlsConfig.Provider.JDK);
        assertThat(c.protocols()).containsExactly("TLSv1.3");
        assertThat(root.unknownKeys()).isEmpty();
    }

    @Test
    void typosAndBadValuesAreReportedWithTheirKey() {
        ConfigSection root = ConfigFile.parse("""
                tls:
                  certificates:
                    - cert: a.pem
                      keyfile: a.key
                """);
        TlsConfig.from(root.section("tls"), data);
        assertThat(root.unknownKeys()).containsExactly("tls.certificates[0].keyfile");

        assertThatThrownBy(() -> TlsConfig.from(ConfigFile.parse("tls: {certificates: [{key: a.key}]}").section("tls"), data))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("tls.certificates[0].cert:");
        assertThatThrownBy(() -> TlsConfig.from(ConfigSection.of(Map.of("min_protocol", "TLSv1.1")), data))
                .isInstanceOf(ConfigException.class).hasMessageContaining("TLSv1.2 or TLSv1.3");
        assertThatThrownBy(() -> TlsConfig.from(ConfigSection.of(Map.of("provider", "gnutls")), data))
                .isInstanceOf(ConfigException.class).hasMessageContaining("provider");
        assertThatThrownBy(() -> TlsConfig.from(ConfigSection.of(Map.of("handshake_timeout", "0s")), data))
                .isInstanceOf(ConfigException.class).hasMessageContaining("handshake_timeout");
    }

    @Test
    void aConfiguredCertificateThatCannotBeLoadedStopsTheStartNamingIt() {
        TlsConfig c = TlsConfig.from(ConfigSection.of(Map.of("certificates",
                List.of(Map.of("cert", "missing.pem", "key", "missing.key")))), data);
        assertThatThrownBy(() -> TlsManager.create(c, "localhost"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("tls.certificates[0]:")
                .hasMessageContaining("missing.pem");
    }

    /** The documented example is a valid configuration that names every key with its default. */
    @Test
    void theDocumentedExampleHoldsEveryKeyWithItsDefault() throws Exception {
        ConfigSection root = ConfigFile.load(DOC, Map.of(), Map.of());
        TlsConfig documented = TlsConfig.from(root.section("tls"), data);

        assertThat(root.unknownKeys()).isEmpty();
        assertThat(documented).isEqualTo(TlsConfig.from(ConfigSection.empty(), data));
        String text = Files.readString(DOC);
        for (String key : root.readKeys()) {
            assertThat(text).contains(key.substring(key.lastIndexOf('.') + 1) + ":");
        }
        assertThat(text).contains("- cert:", "key:");
    }
}
