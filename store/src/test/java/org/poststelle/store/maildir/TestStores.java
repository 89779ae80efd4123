package org.poststelle.store.maildir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.poststelle.core.config.ConfigSection;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.store.StoreConfig;

/** The Maildir store as the tests open it: defaults, with a small message size limit and fast polling. */
final class TestStores {
    private TestStores() {
    }

    static StoreConfig config(Path dataDir) {
        return StoreConfig.from(ConfigSection.of(Map.of("max_message_size", "1m", "poll_interval", "500ms")),
                dataDir);
    }

    static MaildirMailStore open(Path dataDir) {
        return MaildirMailStore.open(config(dataDir), Metrics.noop());
    }

    static Duration patience() {
        return Duration.ofSeconds(10);
    }
}
