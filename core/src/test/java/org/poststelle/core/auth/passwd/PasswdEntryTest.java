package org.poststelle.core.auth.passwd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswdEntryTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "# comment", "#alice:{PLAIN}x", ":{PLAIN}x::::::"})
    void blankLinesCommentsAndLinesWithoutUserAreSkipped(String line) {
        assertThat(PasswdEntry.parse(line)).isEmpty();
    }

    @Test
    void fullLine() {
        PasswdEntry e = PasswdEntry.parse(
                "alice@example.com:{SHA512-CRYPT}$6$abc$def:1000:1000:Alice A.:/var/mail/alice:/bin/false:quota_bytes=1G nologin")
                .orElseThrow();
        assertThat(e.user()).isEqualTo("alice@example.com");
        assertThat(e.password()).isEqualTo("{SHA512-CRYPT}$6$abc$def");
        assertThat(e.uid()).isEqualTo("1000");
        assertThat(e.gecos()).isEqualTo("Alice A.");
        assertThat(e.homeDirectory()).hasValue("/var/mail/alice");
        assertThat(e.shell()).isEqualTo("/bin/false");
        assertThat(e.extraFields()).containsExactly("quota_bytes=1G", "nologin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob:{PLAIN}pw", "bob:{PLAIN}pw:", "bob:{PLAIN}pw::::::", "bob:{PLAIN}pw:::::"})
    void missingTrailingFieldsAreEmpty(String line) {
        PasswdEntry e = PasswdEntry.parse(line).orElseThrow();
        assertThat(e.user()).isEqualTo("bob");
        assertThat(e.password()).isEqualTo("{PLAIN}pw");
        assertThat(e.homeDirectory()).isEmpty();
        assertThat(e.extraFields()).isEmpty();
    }

    @Test
    void aLineWithOnlyTheUserHasNoPassword() {
        assertThat(PasswdEntry.parse("carol").orElseThrow().password()).isEmpty();
    }

    @Test
    void extraFieldsKeepTheirColonsAndAreSplitOnSpaces() {
        PasswdEntry e = PasswdEntry.parse("u:{PLAIN}p::::::userdb_quota_rule=*:storage=1G:messages=10   allow_nets=::1,127.0.0.1")
                .orElseThrow();
        assertThat(e.extraFields()).containsExactly("userdb_quota_rule=*:storage=1G:messages=10", "allow_nets=::1,127.0.0.1");
    }

    @Test
    void oldFormatMailLocationBecomesUserdbMail() {
        PasswdEntry e = PasswdEntry.parse("u:{PLAIN}p:1:1::/home/u:::maildir:~/Maildir").orElseThrow();
        assertThat(e.extraFields()).containsExactly("userdb_mail=maildir:~/Maildir");
    }

    @Test
    void formatWritesAllEightFieldsAndReadsBackTheSame() {
        PasswdEntry e = PasswdEntry.of("dave@example.org", "{PLAIN}x", "/srv/mail/dave", List.of("protocols=imap", "foo=bar"));
        assertThat(e.format()).isEqualTo("dave@example.org:{PLAIN}x::::/srv/mail/dave::protocols=imap foo=bar");
        assertThat(PasswdEntry.parse(e.format())).hasValue(e);
        assertThat(PasswdEntry.of("x", "{PLAIN}y", "", List.of()).format()).isEqualTo("x:{PLAIN}y::::::");
    }

    @Test
    void toStringLeavesThePasswordOut() {
        assertThat(PasswdEntry.parse("u:{PLAIN}hunter2").orElseThrow().toString()).doesNotContain("hunter2");
    }

    @Property(tries = 500)
    void anyLineParsesWithoutSurprises(@ForAll String line) {
        String oneLine = line.replace('\n', ' ').replace('\r', ' ');
        PasswdEntry.parse(oneLine).ifPresent(e -> assertThat(PasswdEntry.parse(e.format())).hasValue(e));
    }
}
