package org.poststelle.store.maildir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.poststelle.core.auth.Account;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.core.config.ConfigSection;
import org.poststelle.store.StoreConfig;
import org.poststelle.store.StoreException;

class MailLocationTest {
    private static Account account(String user, String local, String domain, String home) {
        return new Account(user, local, domain, Optional.ofNullable(home), AccountPolicy.DEFAULT);
    }

    @Test
    void defaultIsBelowTheDataDirectoryByDomainAndLocalPart() {
        StoreConfig c = StoreConfig.defaults(Path.of("/srv/data"));
        assertThat(MailLocation.root(c, account("bob@example.org", "bob", "example.org", null)))
                .isEqualTo(Path.of("/srv/data/mail/example.org/bob/Maildir"));
    }

    @Test
    void aHomeDirectoryWinsLikeDovecotsTildeMaildir() {
        StoreConfig c = StoreConfig.defaults(Path.of("/srv/data"));
        assertThat(MailLocation.root(c, account("bob", "bob", "", "/home/bob")))
                .isEqualTo(Path.of("/home/bob/Maildir"));
        assertThat(MailLocation.root(c, account("bob", "bob", "", " "))).isEqualTo(Path.of("/srv/data/mail/bob/Maildir"));
    }

    @Test
    void templatesAreConfigurable() {
        StoreConfig c = StoreConfig.from(ConfigSection.of(Map.of("location", "/var/vmail/%u/md", "home_location",
                "%h/mail/%n")), Path.of("/srv/data"));
        assertThat(MailLocation.root(c, account("bob@example.org", "bob", "example.org", null)))
                .isEqualTo(Path.of("/var/vmail/bob@example.org/md"));
        assertThat(MailLocation.root(c, account("bob@example.org", "bob", "example.org", "/home/b")))
                .isEqualTo(Path.of("/home/b/mail/bob"));
    }

    @Test
    void namesThatWouldLeaveTheirDirectoryAreRefused() {
        StoreConfig c = StoreConfig.defaults(Path.of("/srv/data"));
        for (Account a : new Account[] {account("../x", "..", "example.org", null),
            account("a/b@example.org", "a/b", "example.org", null), account("x@..", "x", "..", null),
            account("x@e\\vil", "x", "e\\vil", null)}) {
            assertThatThrownBy(() -> MailLocation.root(c, a)).isInstanceOf(StoreException.class);
        }
    }
}
