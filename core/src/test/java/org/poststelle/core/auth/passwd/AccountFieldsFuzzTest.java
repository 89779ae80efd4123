package org.poststelle.core.auth.passwd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.poststelle.core.auth.AccountPolicy;

/** Random extra fields either give a policy that survives a rewrite, or a clean IllegalArgumentException. */
class AccountFieldsFuzzTest {

    @Provide
    Arbitrary<List<String>> fields() {
        Arbitrary<String> key = Arbitraries.of("protocols", "quota_bytes", "quota_messages", "pop3_retention",
                "login_delay", "disabled", "nologin", "quota_rule", "userdb_quota_rule", "allow_nets", "other");
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789kKmMgGdsh*:=,./-+imappo3bothnexpirekeepdelete")
                .ofMaxLength(20), Arbitraries.strings().ofMaxLength(10));
        Arbitrary<String> field = net.jqwik.api.Combinators.combine(key, value).as((k, v) -> k + "=" + v)
                .map(f -> f.replace(" ", "").replace("\n", "").replace("\r", ""));
        return field.list().ofMaxSize(6);
    }

    @Property(tries = 1000)
    void policyParsingIsTotal(@ForAll("fields") List<String> fields) {
        AccountPolicy p;
        try {
            p = AccountFields.policy(fields);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        List<String> rewritten = AccountFields.withPolicy(fields, p, AccountPolicy.DEFAULT);
        assertThat(AccountFields.policy(rewritten)).isEqualTo(AccountPolicy.DEFAULT);
        assertThat(AccountFields.policy(AccountFields.withPolicy(rewritten, AccountPolicy.DEFAULT, p))).isEqualTo(p);
    }
}
