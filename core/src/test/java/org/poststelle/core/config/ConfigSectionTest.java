package org.poststelle.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSectionTest {

    @Test
    void defaultsApplyWhenKeysAreMissing() {
        ConfigSection root = ConfigSection.empty();
        assertThat(root.section("imap").port("port", 1143)).isEqualTo(1143);
        assertThat(root.duration("timeout", Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(10));
        assertThat(root.unknownKeys()).isEmpty();
    }

    @Test
    void typedValuesAreParsed() {
        ConfigSection root = ConfigFile.parse("""
                a: 42
                b: 30s
                c: 64k
                d: yes
                e: [x, y]
                f: "x, y"
                g: 2h
                h: 1g
                """);
        assertThat(root.integer("a", 0, 0, 100)).isEqualTo(42);
        assertThat(root.duration("b", null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(root.bytes("c", 0)).isEqualTo(65536);
        assertThat(root.bool("d", false)).isTrue();
        assertThat(root.stringList("e", null)).containsExactly("x", "y");
        assertThat(root.stringList("f", null)).containsExactly("x", "y");
        assertThat(root.duration("g", null)).isEqualTo(Duration.ofHours(2));
        assertThat(root.bytes("h", 0)).isEqualTo(1L << 30);
    }

    @Test
    void badValuesNameTheKey() {
        ConfigSection root = ConfigFile.parse("imap:\n  port: seventy\n");
        assertThatThrownBy(() -> root.section("imap").port("port", 1143))
                .isInstanceOf(ConfigException.class)
                .hasMessage("imap.port: must be a whole number (got \"seventy\")");
        ConfigSection range = ConfigFile.parse("imap:\n  port: 70000\n");
        assertThatThrownBy(() -> range.section("imap").port("port", 1143))
                .hasMessage("imap.port: must be between 0 and 65535 (got 70000)");
    }

    @Test
    void unknownKeysAreReportedWithTheirFullName() {
        ConfigSection root = ConfigFile.parse("""
                imap:
                  port: 1
                  prot: 2
                typo: 3
                """);
        root.section("imap").port("port", 0);
        assertThat(root.unknownKeys()).containsExactly("imap.prot", "typo");
    }

    @Test
    void environmentOverridesTheFileAndFlagsOverrideBoth(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.yml");
        Files.writeString(file, "imap:\n  port: 1\n  tls_port: 2\n  idle: 5m\n");
        ConfigSection root = ConfigFile.load(file,
                Map.of("POSTSTELLE_IMAP_PORT", "11", "POSTSTELLE_IMAP_TLS_PORT", "22"),
                Map.of("imap.tls_port", 33));
        ConfigSection imap = root.section("imap");
        assertThat(imap.port("port", 0)).isEqualTo(11);
        assertThat(imap.port("tls_port", 0)).isEqualTo(33);
        assertThat(imap.duration("idle", null)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void invalidYamlAndMissingFilesGiveOneLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.yml");
        Files.writeString(file, "imap: [unclosed\n");
        assertThatThrownBy(() -> ConfigFile.load(file, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ConfigFile.load(dir.resolve("missing.yml"), Map.of(), Map.of()))
                .hasMessageContaining("file not found");
        Files.writeString(file, "- a\n- b\n");
        assertThatThrownBy(() -> ConfigFile.load(file, Map.of(), Map.of()))
                .hasMessageContaining("must be a YAML mapping");
    }

    @Test
    void sectionListsAreReadAndTheirUnknownKeysReported() {
        ConfigSection root = ConfigFile.parse("""
                tls:
                  certificates:
                    - cert: a.pem
                      key: a.key
                      extra: 1
                """);
        List<ConfigSection> certs = root.section("tls").sectionList("certificates");
        assertThat(certs).hasSize(1);
        assertThat(certs.get(0).string("cert", null)).isEqualTo("a.pem");
        certs.get(0).string("key", null);
        assertThat(root.unknownKeys()).containsExactly("tls.certificates[0].extra");
    }

    @Test
    void enumsAcceptDashedLowerCase() {
        ConfigSection root = ConfigFile.parse("mode: read-only\n");
        assertThat(root.enumValue("mode", Mode.class, Mode.READ_WRITE)).isEqualTo(Mode.READ_ONLY);
        assertThatThrownBy(() -> ConfigFile.parse("mode: x\n").enumValue("mode", Mode.class, Mode.READ_WRITE))
                .hasMessage("mode: must be one of read-write, read-only (got \"x\")");
    }

    enum Mode { READ_WRITE, READ_ONLY }
}
