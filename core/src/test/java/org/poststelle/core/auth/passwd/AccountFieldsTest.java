package org.poststelle.core.auth.passwd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.core.auth.Pop3Retention;
import org.poststelle.core.auth.Protocol;

class AccountFieldsTest {
    static final long G = 1L << 30;

    static AccountPolicy policy(String fields) {
        return AccountFields.policy(fields.isEmpty() ? List.of() : List.of(fields.split(" ")));
    }

    @Test
    void noFieldsIsTheDefaultPolicy() {
        assertThat(policy("")).isEqualTo(AccountPolicy.DEFAULT);
        assertThat(policy("userdb_mail=maildir:~/Mail foo")).isEqualTo(AccountPolicy.DEFAULT);
    }

    @Test
    void allPoststelleKeys() {
        AccountPolicy p = policy("protocols=pop3 quota_bytes=2G quota_messages=5000 pop3_retention=expire=30d login_delay=300 disabled");
        assertThat(p.protocols()).containsExactly(Protocol.POP3);
        assertThat(p.quotaBytes()).isEqualTo(2 * G);
        assertThat(p.quotaMessages()).isEqualTo(5000);
        assertThat(p.pop3Retention()).isEqualTo(new Pop3Retention.Expire(30));
        assertThat(p.loginDelay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.disabled()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"imap,IMAP", "pop3,POP3", "IMAP,IMAP", "'imap,pop3',IMAP POP3", "both,IMAP POP3", "none,''"})
    void protocols(String value, String expected) {
        Set<Protocol> want = EnumSet.noneOf(Protocol.class);
        for (String p : expected.split(" ")) {
            if (!p.isEmpty()) {
                want.add(Protocol.valueOf(p));
            }
        }
        assertThat(policy("protocols=" + value).protocols()).isEqualTo(want);
    }

    @ParameterizedTest
    @CsvSource({
        "userdb_quota_rule=*:storage=1G, 1073741824, 0",
        "quota_rule=*:storage=1048576, 1073741824, 0",
        "quota_rule=*:storage=512M:messages=100, 536870912, 100",
        "userdb_quota_rule=*:bytes=1000, 1000, 0",
        "userdb_quota_rule=*:messages=7, 0, 7",
        "userdb_quota_rule=Trash:storage=+100M, 0, 0",
        "userdb_quota_rule=*:storage=1G quota_bytes=5M, 5242880, 0",
    })
    void dovecotQuotaRulesAreUnderstood(String fields, long bytes, long messages) {
        AccountPolicy p = policy(fields);
        assertThat(p.quotaBytes()).isEqualTo(bytes);
        assertThat(p.quotaMessages()).isEqualTo(messages);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nologin", "nologin=y", "disabled", "disabled=yes", "disabled=true"})
    void disabled(String field) {
        assertThat(policy(field).disabled()).isTrue();
    }

    @Test
    void disabledNoIsNotDisabled() {
        assertThat(policy("disabled=no").disabled()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"protocols=smtp", "quota_bytes=lots", "quota_messages=-1", "pop3_retention=forever",
        "login_delay=soon", "disabled=maybe", "userdb_quota_rule=*:storage=1X"})
    void badValuesAreReportedWithTheFieldName(String field) {
        String key = field.substring(0, field.indexOf('='));
        assertThatThrownBy(() -> policy(field)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(key);
    }

    @Test
    void allowNets() {
        assertThat(AccountFields.allowNets(List.of("allow_nets=10.0.0.0/8,::1"))).hasSize(2);
        assertThatThrownBy(() -> AccountFields.allowNets(List.of("allow_nets=example.com")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changingThePolicyRewritesOnlyTheChangedKeysAndKeepsTheRest() {
        List<String> fields = List.of("userdb_mail=maildir:~/M", "pop3_retention=delete", "x-custom", "userdb_quota_rule=*:storage=1G",
                "userdb_quota_rule=Trash:storage=+10M");
        AccountPolicy before = AccountFields.policy(fields);
        AccountPolicy after = new AccountPolicy(EnumSet.of(Protocol.IMAP), before.quotaBytes(), before.quotaMessages(),
                new Pop3Retention.Expire(7), Duration.ZERO, true);
        List<String> out = AccountFields.withPolicy(fields, before, after);
        assertThat(out).containsExactly("userdb_mail=maildir:~/M", "pop3_retention=expire=7d", "x-custom",
                "userdb_quota_rule=*:storage=1G", "userdb_quota_rule=Trash:storage=+10M", "protocols=imap", "nologin");
        assertThat(AccountFields.policy(out)).isEqualTo(after);
    }

    @Test
    void changingTheQuotaReplacesDovecotsDefaultRule() {
        List<String> fields = List.of("userdb_quota_rule=*:storage=1G:messages=10", "quota_rule=Trash:storage=+10M");
        AccountPolicy before = AccountFields.policy(fields);
        AccountPolicy after = new AccountPolicy(before.protocols(), 3 * G, before.quotaMessages(), before.pop3Retention(),
                before.loginDelay(), before.disabled());
        List<String> out = AccountFields.withPolicy(fields, before, after);
        assertThat(out).containsExactly("quota_rule=Trash:storage=+10M", "quota_bytes=3G", "quota_messages=10");
        assertThat(AccountFields.policy(out)).isEqualTo(after);
    }

    @Test
    void backToDefaultsRemovesTheChangedKeys() {
        List<String> fields = List.of("protocols=pop3", "quota_bytes=1G", "pop3_retention=keep", "login_delay=60", "nologin", "keep=me");
        AccountPolicy before = AccountFields.policy(fields);
        // pop3_retention=keep did not change, so it stays as written
        assertThat(AccountFields.withPolicy(fields, before, AccountPolicy.DEFAULT)).containsExactly("pop3_retention=keep", "keep=me");
    }

    @Test
    void othersAreTheFieldsNotInterpreted() {
        assertThat(AccountFields.others(List.of("protocols=imap", "userdb_mail=x", "quota_rule=*:storage=1", "quota_rule=Trash:bytes=1")))
                .containsExactly("userdb_mail=x", "quota_rule=Trash:bytes=1");
    }

    @ParameterizedTest
    @CsvSource({"1073741824,1G", "1536,1536", "2048,2K", "0,0", "5242880,5M", "1099511627776,1T"})
    void bytesAreWrittenWithTheLargestExactUnit(long bytes, String text) {
        assertThat(AccountFields.formatBytes(bytes)).isEqualTo(text);
    }
}
