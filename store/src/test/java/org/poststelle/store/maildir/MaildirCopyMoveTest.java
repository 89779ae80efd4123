package org.poststelle.store.maildir;

import java.nio.file.Path;
import org.poststelle.store.MailStore;
import org.poststelle.store.contract.CopyMoveContract;

class MaildirCopyMoveTest extends CopyMoveContract {
    @Override
    protected MailStore openStore(Path dataDir) {
        return TestStores.open(dataDir);
    }
}
