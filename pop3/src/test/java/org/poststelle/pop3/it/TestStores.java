package org.poststelle.pop3.it;

import java.nio.file.Path;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.store.MailStore;
import org.poststelle.store.StoreConfig;
import org.poststelle.store.maildir.MaildirMailStore;

/** The real Maildir store in a temporary directory (without fsync: tests need no crash safety). */
final class TestStores {
    private TestStores() {
    }

    static MailStore maildir(Path dataDir) {
        StoreConfig d = StoreConfig.defaults(dataDir);
        StoreConfig config = new StoreConfig(d.dataDir(), d.location(), d.homeLocation(), false,
                StoreConfig.SpecialFolderCreation.NEVER, d.specialFolders(), d.pollInterval(), d.watchFiles(),
                d.structureCacheSize(), d.maxMessageSize(), d.expungeHistory(), d.lockTimeout(), d.idleMailboxes());
        return MaildirMailStore.open(config, Metrics.noop());
    }
}
