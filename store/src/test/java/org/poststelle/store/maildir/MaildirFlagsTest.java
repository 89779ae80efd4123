package org.poststelle.store.maildir;

import java.nio.file.Path;
import org.poststelle.store.MailStore;
import org.poststelle.store.contract.FlagsContract;

class MaildirFlagsTest extends FlagsContract {
    @Override
    protected MailStore openStore(Path dataDir) {
        return TestStores.open(dataDir);
    }
}
