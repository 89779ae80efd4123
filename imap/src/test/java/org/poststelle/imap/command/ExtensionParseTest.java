package org.poststelle.imap.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poststelle.imap.protocol.ParserTestSupport.args;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poststelle.imap.protocol.BadCommandException;

/** Parsers of the extension commands (QUOTA, COMPRESS, CONDSTORE/QRESYNC, ...): line in, record out. */
class ExtensionParseTest {

    @Test
    void quotaCommands() throws Exception {
        assertThat(GetQuota.parse(args("t GETQUOTA \"\"")).root()).isEmpty();
        assertThat(GetQuota.parse(args("t GETQUOTA user")).root()).isEqualTo("user");
        assertThat(GetQuotaRoot.parse(args("t GETQUOTAROOT inbox")).mailbox().name()).isEqualTo("INBOX");
        assertThat(SetQuota.parse(args("t SETQUOTA \"\" (storage 512 MESSAGE 10)")).limits())
                .isEqualTo(Map.of("STORAGE", 512L, "MESSAGE", 10L));
        assertThat(SetQuota.parse(args("t SETQUOTA \"\" ()")).limits()).isEmpty();
    }

    @Test
    void badQuotaCommands() {
        assertThatThrownBy(() -> GetQuota.parse(args("t GETQUOTA"))).isInstanceOf(BadCommandException.class);
        assertThatThrownBy(() -> GetQuota.parse(args("t GETQUOTA a b"))).isInstanceOf(BadCommandException.class);
        assertThatThrownBy(() -> SetQuota.parse(args("t SETQUOTA \"\" (STORAGE)")))
                .isInstanceOf(BadCommandException.class);
        assertThatThrownBy(() -> SetQuota.parse(args("t SETQUOTA \"\" STORAGE 1")))
                .isInstanceOf(BadCommandException.class);
    }

    @Test
    void deletedStorageStatusItem() throws Exception {
        assertThat(Status.parse(args("t STATUS INBOX (deleted-storage DELETED)")).items())
                .containsExactly(StatusItem.DELETED_STORAGE, StatusItem.DELETED);
        assertThat(StatusItem.DELETED_STORAGE.wireName()).isEqualTo("DELETED-STORAGE");
        assertThat(StatusItem.of("DELETED_STORAGE")).isNull();
    }
}
