package org.poststelle.store.maildir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.MailboxName;

class FolderNamesTest {

    @Test
    void maildirPlusPlusNamesAsDovecotWritesThem() {
        assertThat(FolderNames.dirName(MailboxName.INBOX)).isNull();
        assertThat(FolderNames.dirName(MailboxName.of("Sent"))).isEqualTo(".Sent");
        assertThat(FolderNames.dirName(MailboxName.of("A/B/C"))).isEqualTo(".A.B.C");
        assertThat(FolderNames.dirName(MailboxName.of("INBOX/Sub"))).isEqualTo(".INBOX.Sub");
        assertThat(FolderNames.dirName(MailboxName.of("Entwürfe"))).isEqualTo(".Entw&APw-rfe");
        assertThat(FolderNames.dirName(MailboxName.of("Archiv.2024/Q1"))).isEqualTo(".Archiv&AC4-2024.Q1");
        assertThat(FolderNames.fromDirName(".A.B.C")).isEqualTo(MailboxName.of("A/B/C"));
        assertThat(FolderNames.fromDirName(".Entw&APw-rfe")).isEqualTo(MailboxName.of("Entwürfe"));
    }

    @Test
    void directoriesThatAreNotFoldersAreSkipped() {
        for (String dir : new String[] {".", "..", ".A..B", ".A.", ".&bad", "cur", ".INBOX", "..hidden"}) {
            assertThat(FolderNames.fromDirName(dir)).as(dir).isNull();
        }
    }

    @Test
    void subscriptionEntries() {
        assertThat(FolderNames.subscriptionEntry(MailboxName.of("A/Entwürfe"))).isEqualTo("A\tEntw&APw-rfe");
        assertThat(FolderNames.fromSubscriptionEntry("A\tEntw&APw-rfe", true)).isEqualTo(MailboxName.of("A/Entwürfe"));
        assertThat(FolderNames.fromSubscriptionEntry("INBOX.Sent", false)).isEqualTo(MailboxName.of("INBOX/Sent"));
        assertThat(FolderNames.fromSubscriptionEntry("", true)).isNull();
    }

    @Test
    void checkedRevalidatesRecordsBuiltWithoutValidation() {
        assertThatThrownBy(() -> FolderNames.checked(new MailboxName("../etc"))).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> FolderNames.checked(null)).isInstanceOf(StoreException.class);
        assertThat(FolderNames.checked(new MailboxName("inbox"))).isEqualTo(MailboxName.INBOX);
    }

    @Property
    void everyStorableNameMapsToOneSafeDirectoryAndBack(@ForAll String raw) {
        MailboxName name;
        try {
            name = FolderNames.checked(new MailboxName(raw));
        } catch (StoreException e) {
            return;
        }
        if (name.isInbox()) {
            return;
        }
        String dir = FolderNames.dirName(name);
        assertThat(dir).startsWith(".").doesNotContain("/").doesNotContain("..").isNotEqualTo(".");
        assertThat(FolderNames.fromDirName(dir)).isEqualTo(name);
    }
}
