package org.poststelle.core.auth.hash;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever is in the password field, reading it fails cleanly or gives a hash that never throws on verify. */
class PasswordSchemesFuzzTest {

    @Provide
    Arbitrary<String> fields() {
        Arbitrary<String> scheme = Arbitraries.of("", "{PLAIN}", "{SHA}", "{SSHA512}", "{SHA512-CRYPT}", "{CRYPT}",
                "{BLF-CRYPT}", "{PBKDF2}", "{SCRAM-SHA-256}", "{SHA256.HEX}", "{PLAIN.B64}", "{X}", "{");
        Arbitrary<String> body = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(80),
                Arbitraries.strings().withChars("$0123456789abcdefABCDEF=,./+").ofMaxLength(90),
                Arbitraries.of("$1$", "$5$", "$6$", "$2y$05$", "$1$salt$5000$", "$argon2id$v=19$m=8,t=1,p=1$"));
        // Argon2 parameters from the fuzzer are kept tiny so the property stays fast
        return net.jqwik.api.Combinators.combine(scheme, body).as((s, b) -> s + b);
    }

    @Property(tries = 1000)
    void parsingAndVerifyingNeverThrowsUnexpectedly(@ForAll("fields") String field, @ForAll String password) {
        StoredPassword p;
        try {
            p = PasswordSchemes.parse(field);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        p.verify(password);
        assertThat(p.toString()).isEqualTo("StoredPassword{" + p.scheme() + "}");
    }
}
