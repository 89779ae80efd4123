package org.poststelle.store.maildir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.poststelle.store.Mailbox;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.NewMessage;
import org.poststelle.store.model.UidSet;

/** Whatever garbage the index, the change log or the uidlist hold, the messages stay reachable. */
class IndexFuzzTest {

    @Property(tries = 15)
    void garbageIndexFilesNeverLoseMessages(@ForAll @Size(max = 300) byte[] index, @ForAll @Size(max = 300) byte[] log,
            @ForAll boolean keepRealIndex, @ForAll boolean spoilUidlist) throws Exception {
        Path data = Files.createTempDirectory("fuzz");
        try {
            try (MaildirMailStore store = TestStores.open(data);
                    Mailbox inbox = store.forAccount(MaildirFixture.ALICE).open(MailboxName.INBOX, false)) {
                inbox.append(List.of(NewMessage.of("Subject: a\r\n\r\n".getBytes(), Flags.NONE, null),
                        NewMessage.of("Subject: b\r\n\r\n".getBytes(), Flags.ofSystem(Flags.SEEN), null)));
            }
            Path root = MaildirFixture.root(data);
            if (!keepRealIndex) {
                Files.write(root.resolve(IndexFile.FILE), index);
            }
            Files.write(root.resolve(ChangeLog.FILE), log);
            if (spoilUidlist) {
                Files.write(root.resolve(UidList.FILE), index);
            }
            try (MaildirMailStore store = TestStores.open(data);
                    Mailbox inbox = store.forAccount(MaildirFixture.ALICE).open(MailboxName.INBOX, false)) {
                assertThat(inbox.snapshot().size()).isEqualTo(2);
                if (!spoilUidlist) {
                    assertThat(inbox.snapshot().uidSet()).isEqualTo(UidSet.range(1, 2));
                }
                long max = inbox.snapshot().maxUid();
                assertThat(inbox.append(List.of(NewMessage.of("Subject: c\r\n\r\n".getBytes(), Flags.NONE, null)))
                        .uids()[0]).isGreaterThan(max);
            }
        } finally {
            try (var walk = Files.walk(data)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
