package org.poststelle.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poststelle.core.config.ConfigException;
import org.poststelle.core.config.ConfigFile;
import org.poststelle.core.config.ConfigSection;

class ImapConfigTest {

    @Test
    void defaults() {
        ImapConfig c = ImapConfig.defaults();
        assertThat(c.maxLineLength()).isEqualTo(64 * 1024);
        assertThat(c.appendLimit()).isEqualTo(64L << 20);
        assertThat(c.idleKeepalive()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.autologout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.autologoutBeforeLogin()).isLessThan(c.autologout());
        assertThat(c.lineLimit(false)).isLessThan(c.lineLimit(true));
    }

    @Test
    void theDocumentedExampleIsTheDefaultsAndNamesEveryKey() throws Exception {
        ConfigSection root = ConfigFile.parse(Files.readString(Path.of("../docs/config/imap.yml")));
        ImapConfig fromDoc = ImapConfig.from(root.section("imap"));
        assertThat(fromDoc).isEqualTo(ImapConfig.defaults());
        assertThat(root.unknownKeys()).isEmpty();
        String doc = Files.readString(Path.of("../docs/config/imap.yml"));
        for (String key : root.readKeys()) {
            String leaf = key.substring(key.lastIndexOf('.') + 1);
            assertThat(doc).as("docs/config/imap.yml mentions " + key).contains(leaf + ":");
        }
    }

    @Test
    void invalidValuesNameTheKey() {
        assertThatThrownBy(() -> ImapConfig.from(ConfigSection.of(Map.of("max_line_length", "10"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("max_line_length");
        assertThatThrownBy(() -> ImapConfig.from(ConfigSection.of(Map.of("idle_keepalive", "0s"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("idle_keepalive");
        assertThatThrownBy(() -> ImapConfig.from(ConfigSection.of(Map.of("autologout", "5s"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("autologout");
    }
}
