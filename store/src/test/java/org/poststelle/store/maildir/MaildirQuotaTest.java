package org.poststelle.store.maildir;

import java.nio.file.Path;
import org.poststelle.store.MailStore;
import org.poststelle.store.contract.QuotaContract;

class MaildirQuotaTest extends QuotaContract {
    @Override
    protected MailStore openStore(Path dataDir) {
        return TestStores.open(dataDir);
    }
}
