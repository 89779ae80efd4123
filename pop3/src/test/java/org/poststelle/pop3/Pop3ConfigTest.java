package org.poststelle.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poststelle.core.config.ConfigException;
import org.poststelle.core.config.ConfigFile;
import org.poststelle.core.config.ConfigSection;

class Pop3ConfigTest {

    @Test
    void defaults() {
        Pop3Config c = Pop3Config.DEFAULT;
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.loginTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.maxLineLength()).isEqualTo(4096);
        assertThat(c.uidlFormat().pattern()).isEqualTo("%08Xu%08Xv");
        assertThat(c.implementation()).isEqualTo("Poststelle");
        assertThat(c.markSeen()).isTrue();
    }

    @Test
    void readsItsSection() {
        Pop3Config c = Pop3Config.from(ConfigSection.of(Map.of("idle_timeout", "15m", "max_line_length", "8k",
                "uidl_format", "%v.%u", "mark_seen", false, "max_bad_commands", 3)));
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.maxLineLength()).isEqualTo(8192);
        assertThat(c.uidlFormat().format(2, 9, null)).isEqualTo("9.2");
        assertThat(c.markSeen()).isFalse();
        assertThat(c.maxBadCommands()).isEqualTo(3);
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> Pop3Config.from(ConfigSection.of(Map.of("uidl_format", "%q"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("uidl_format");
        assertThatThrownBy(() -> Pop3Config.from(ConfigSection.of(Map.of("max_line_length", 100))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("max_line_length");
        assertThatThrownBy(() -> Pop3Config.from(ConfigSection.of(Map.of("idle_timeout", "0s"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("idle_timeout");
        assertThatThrownBy(() -> Pop3Config.from(ConfigSection.of(Map.of("greeting", "a\r\nb"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("greeting");
    }

    @Test
    void documentedExampleNamesEveryKeyAndParses() throws IOException {
        Path doc = Path.of("..", "docs", "config", "pop3.yml");
        ConfigSection root = ConfigFile.parse(Files.readString(doc));
        ConfigSection section = root.section("pop3");
        Pop3Config fromDoc = Pop3Config.from(section);
        assertThat(root.unknownKeys()).isEmpty();
        assertThat(fromDoc).as("the example shows the defaults").isEqualTo(Pop3Config.DEFAULT);

        ConfigSection probe = ConfigSection.empty();
        Pop3Config.from(probe);
        for (String key : probe.readKeys()) {
            assertThat(Files.readString(doc)).as("docs/config/pop3.yml documents %s", key).contains(key + ":");
        }
    }
}
