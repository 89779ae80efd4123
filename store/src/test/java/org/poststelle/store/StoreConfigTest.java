package org.poststelle.store;

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
import org.poststelle.store.model.SpecialUse;

class StoreConfigTest {

    @Test
    void defaults() {
        StoreConfig c = StoreConfig.defaults(Path.of("/data"));
        assertThat(c.location()).isEqualTo("mail/%d/%n/Maildir");
        assertThat(c.homeLocation()).isEqualTo("%h/Maildir");
        assertThat(c.fsync()).isTrue();
        assertThat(c.createSpecialFolders()).isEqualTo(StoreConfig.SpecialFolderCreation.FIRST_LOGIN);
        assertThat(c.specialFolders()).containsExactly(Map.entry(SpecialUse.DRAFTS, "Drafts"),
                Map.entry(SpecialUse.SENT, "Sent"), Map.entry(SpecialUse.TRASH, "Trash"),
                Map.entry(SpecialUse.JUNK, "Junk"), Map.entry(SpecialUse.ARCHIVE, "Archive"));
        assertThat(c.pollInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.maxMessageSize()).isEqualTo(64L << 20);
        assertThat(c.searchCacheSize()).isEqualTo(256L << 20);
    }

    @Test
    void theSearchCacheSizeIsASize() {
        assertThat(StoreConfig.from(ConfigSection.of(Map.of("search_cache", "1g")), Path.of("/d"))
                .searchCacheSize()).isEqualTo(1L << 30);
        assertThat(StoreConfig.from(ConfigSection.of(Map.of("search_cache", "64M")), Path.of("/d"))
                .searchCacheSize()).isEqualTo(64L << 20);
        assertThat(StoreConfig.from(ConfigSection.of(Map.of("search_cache", 0)), Path.of("/d"))
                .searchCacheSize()).isZero();
        assertThatThrownBy(() -> StoreConfig.from(ConfigSection.of(Map.of("search_cache", "lots")), Path.of("/d")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("search_cache").hasMessageContaining("must be a size").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> StoreConfig.from(ConfigSection.of(Map.of("search_cache", "-1m")), Path.of("/d")))
                .isInstanceOf(ConfigException.class);
        // the old constructor keeps the default bound
        StoreConfig d = StoreConfig.defaults(Path.of("/d"));
        assertThat(new StoreConfig(d.dataDir(), d.location(), d.homeLocation(), d.fsync(), d.createSpecialFolders(),
                d.specialFolders(), d.pollInterval(), d.watchFiles(), d.structureCacheSize(), d.maxMessageSize(),
                d.expungeHistory(), d.lockTimeout(), d.idleMailboxes())).isEqualTo(d);
    }

    @Test
    void theDocumentedExampleIsCompleteAndGivesTheDefaults() throws Exception {
        Path doc = Path.of("..", "docs", "config", "store.yml");
        ConfigSection root = ConfigFile.parse(Files.readString(doc));
        ConfigSection section = root.section("store");
        StoreConfig fromDoc = StoreConfig.from(section, Path.of("/data"));
        assertThat(root.unknownKeys()).isEmpty();
        assertThat(fromDoc).isEqualTo(StoreConfig.defaults(Path.of("/data")));
        // every key the code reads appears in the example
        ConfigSection empty = ConfigSection.of(Map.of());
        StoreConfig.from(empty, Path.of("/data"));
        for (String key : empty.readKeys()) {
            String[] parts = key.split("\\.");
            ConfigSection s = ConfigFile.parse(Files.readString(doc)).section("store");
            for (int i = 0; i < parts.length - 1; i++) {
                s = s.section(parts[i]);
            }
            assertThat(s.isSet(parts[parts.length - 1])).as("documented: " + key).isTrue();
        }
    }

    @Test
    void settingsAndTheirChecks() {
        StoreConfig c = StoreConfig.from(ConfigSection.of(Map.of("fsync", "off", "create_special_folders",
                "every-login", "special_folders", Map.of("junk", "Spam", "archive", ""),
                "max_message_size", "10m", "poll_interval", "0")), Path.of("/d"));
        assertThat(c.fsync()).isFalse();
        assertThat(c.specialFolder(SpecialUse.JUNK)).isEqualTo("Spam");
        assertThat(c.specialFolder(SpecialUse.ARCHIVE)).isNull();
        assertThat(c.maxMessageSize()).isEqualTo(10L << 20);
        assertThat(c.pollInterval()).isZero();
        assertThatThrownBy(() -> StoreConfig.from(ConfigSection.of(Map.of("location", "mail/%x")), Path.of("/d")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> StoreConfig.from(ConfigSection.of(Map.of("max_message_size", "2g")), Path.of("/d")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> StoreConfig.from(ConfigSection.of(Map.of("special_folders",
                Map.of("sent", "../x"))), Path.of("/d"))).isInstanceOf(ConfigException.class);
    }
}
