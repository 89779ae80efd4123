package org.poststelle.core.auth.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every scheme against hashes made by Dovecot 2.3.19.1's {@code doveadm pw -s SCHEME -p PASSWORD} (copied
 * here; the tests do not need doveadm).
 */
class PasswordSchemesTest {
    /** Non-ASCII on purpose: Dovecot hashes the UTF-8 bytes. */
    static final String UMLAUT = "Secret pässword!";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{PLAIN}Secret pässword!",
        "{CLEAR}Secret pässword!",
        "{CLEARTEXT}Secret pässword!",
        "{plain}Secret pässword!",
        "{SHA512-CRYPT}$6$9.D/ijvT0wcaOG/M$GXGVaysuyOVp7b1pYZDoyrgtkmwYB/CZFRqt/xl0.DlTUCSaVg2lD0lj.L9fDDw8yhsrjw2SCs84B7XhBnGnD.",
        "{SHA256-CRYPT}$5$Nb.Ujl4GtMatj6S1$AbOvimSL.DQAHH1lStosCzAv0XGBzlWpatjULnJN5j2",
        "{MD5-CRYPT}$1$A01CriiR$melBuJ4fdsazRAygWldG70",
        "{MD5}$1$P7u6SRJD$yrkRqquvF/9Sg9H2VMhAc.",
        "{BLF-CRYPT}$2y$05$LN68KhtiRp8D27eftA1Vvua5M8WZWrV6/YsQN7U1qr3GdYVRH9BgK",
        "{ARGON2I}$argon2i$v=19$m=32768,t=4,p=1$f34KT5gPTTtLF7vTMdRWaA$sXlyg5NSTaP0muYkCyfQY/0Sn+dus4jLwTT3B6dkJHE",
        "{ARGON2ID}$argon2id$v=19$m=65536,t=3,p=1$r4fcG0ANfX7z6wQgEcyyHA$//Tzb9wBfvencCth8u7NUGztZ9aQ3MZPoUkNVQyCD84",
        "{SSHA}74H3kfNc4Xl7/ueWozdCZjBuQctlqEZy",
        "{SSHA256}n8d0+RCzzRD/cIBcssucgG98+P73tRxxgWL3lNYE1XyWwniq",
        "{SSHA512}C8f1jFp/K/1K4E5a1WqGU/D9NiRrTrARg5WUEJcE5pC7hLUSGj35cful0W20iADNxHbw48pjOytr3IE4AZTiboiGqZc=",
        "{SHA}sac8tEAAiNdxHIeYhtpC2AHEKnM=",
        "{SHA1}sac8tEAAiNdxHIeYhtpC2AHEKnM=",
        "{SHA256}594aOP/dJSuvTpsPIZjwYtT5k++C6npUxU4s+NQGR2s=",
        "{SHA512}FWICkc9mgi7JDuuoRVYMBY07l5NWFuGjx658qp+WQnVPzJPnfJ4wHIuMXLY4B9v4Nmfbz17Py60r3tfXmkdb2Q==",
        "{PBKDF2}$1$YTt832L.dG4Mqsrl$5000$b06cdb1558c37689e6eb367a44fb0fa3fefb77ba",
        "{CRYPT}$2y$05$Y7HVl16i5NO6q98rr2KIDufI47Z0VlCsKzjCKALrgGyqpU09csi/C",
        "{PLAIN-MD5}dbc2b2595219ee3e94f5e0222f459f6e",
        "{SMD5}8A2XMwuXEsQ0sxflw06+zlNBN/4=",
        "{LDAP-MD5}28KyWVIZ7j6U9eAiL0Wfbg==",
        "{SHA.HEX}b1a73cb4400088d7711c879886da42d801c42a73",
        "{SHA256.HEX}e7de1a38ffdd252baf4e9b0f2198f062d4f993ef82ea7a54c54e2cf8d406476b",
        "{SSHA512.HEX}8ce4a5fe280d23831dbd371b9bee8553af0723fa930f131c55c29df5247f157ce1de10c58f795d54bbb71b312826a6959eb757c05d1c0587a31c3b73cadb2f1cafaf6ff8",
        "{SHA512.B64}FWICkc9mgi7JDuuoRVYMBY07l5NWFuGjx658qp+WQnVPzJPnfJ4wHIuMXLY4B9v4Nmfbz17Py60r3tfXmkdb2Q==",
        "{SSHA.B64}LW0FI92EB8SbBU7lYAvRNFk8OMkAZrjy",
        "{PLAIN.B64}U2VjcmV0IHDDpHNzd29yZCE=",
        "{PLAIN.HEX}5365637265742070c3a47373776f726421",
        "{SHA256-CRYPT.HEX}24352454373562414c5a36796f4b534d6e7373243637324f525841345669326538466f4147316f384a5738575457614a3062654e30536d3349597641304c2f",
        // a base64 scheme written in hex (Dovecot guesses by length)
        "{SHA}b1a73cb4400088d7711c879886da42d801c42a73",
    })
    void doveadmHashesOfANonAsciiPasswordVerify(String stored) {
        StoredPassword p = PasswordSchemes.parse(stored);
        assertThat(p.verify(UMLAUT)).as(stored).isTrue();
        assertThat(p.verify("Secret passw0rd!")).as(stored).isFalse();
        assertThat(p.verify("")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{BLF-CRYPT}$2y$06$5fDCql12mSYFdHW5DRDZ3upvnDW0qpeVucnz0ATTiIUdwYWeMH.CW",
        "{SHA512-CRYPT}$6$rounds=10000$4x705clZW45Km/Z0$KYR5LvioPgpo8gRJgSbqwwIkiz1LJ1kvLWun36E.eQTTxHsCBXmO/hcPUkJm2VqesbomY9ERm5oawg7m3Yksw0",
        "{PBKDF2}$1$/IFdc.6EpO85S/TA$10000$b14bd88a0c14b56c6bfe3eb36f576d442f5ce62b",
        "{ARGON2ID}$argon2id$v=19$m=65536,t=3,p=1$MpjBZTQ+22gnuGUhlQPbAQ$AiOjI5QvMTxbgVi8TlpJQWNZqmpoghXWI09AxMJYCZY",
        "{ARGON2I}$argon2i$v=19$m=32768,t=3,p=1$tvH2NFP7yMW4dGKT3eHnDA$LOf++r/3sXT0SagNed5g7uI+ClUbi7r717eWoVo/YoI",
        "{SSHA512}YsHwmx+my/UstVlN1Jmv1U/c2+w9+JobzhAWyja+g7VYnzrZBUn24XBexZpCUm+F4iHYP9k8HRitj4+3fAs5CUKLQrE=",
        "{SCRAM-SHA-256}4096,WIYQSD44oGoGyFKH9lUxRg==,5I19MqwTgd8ujRfdxBx5P1YKwZaMbOoCndjid5b0p1w=,vrDdsshE8V5dmgkbNtLhP8bnVFCSFGtuAB3/lTRVUww=",
        "{DES-CRYPT}/sYB/PPGAhPpA",
        "{CRYPT}/sYB/PPGAhPpA",
        "/sYB/PPGAhPpA",
        "$6$rounds=10000$4x705clZW45Km/Z0$KYR5LvioPgpo8gRJgSbqwwIkiz1LJ1kvLWun36E.eQTTxHsCBXmO/hcPUkJm2VqesbomY9ERm5oawg7m3Yksw0",
        "{CRYPT}$argon2i$v=19$m=32768,t=3,p=1$tvH2NFP7yMW4dGKT3eHnDA$LOf++r/3sXT0SagNed5g7uI+ClUbi7r717eWoVo/YoI",
        "{SMD5}yRwKymiJ6tzqY/aSczG5kwJxT2s=",
    })
    void doveadmHashesWithOtherParametersVerify(String stored) {
        StoredPassword p = PasswordSchemes.parse(stored);
        assertThat(p.verify("secret")).as(stored).isTrue();
        assertThat(p.verify("Secret")).as(stored).isFalse();
    }

    @Test
    void bcryptUsesTheFirst72BytesLikeDovecot() {
        String stored = "{BLF-CRYPT}$2y$05$Fnl.FtFujr.7hcTVK3pOkucLSRwlp11EijI9Tj8h1Lsd4IFZmY8Ga";
        assertThat(PasswordSchemes.parse(stored).verify("x".repeat(80))).isTrue();
        assertThat(PasswordSchemes.parse(stored).verify("x".repeat(72) + "y")).isTrue();
        assertThat(PasswordSchemes.parse(stored).verify("x".repeat(71))).isFalse();
    }

    @Test
    void bcryptVariants2aAnd2bVerify() {
        // the same hash under the three version letters OpenBSD/PHP/crypt_blowfish use
        String hash = "$05$LN68KhtiRp8D27eftA1Vvua5M8WZWrV6/YsQN7U1qr3GdYVRH9BgK";
        for (String v : new String[] {"$2a", "$2b", "$2y"}) {
            assertThat(PasswordSchemes.parse("{BLF-CRYPT}" + v + hash).verify(UMLAUT)).as(v).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ARGON2ID", "ARGON2I", "SHA512-CRYPT", "SHA256-CRYPT", "BLF-CRYPT", "SSHA512", "SSHA256",
        "SSHA", "PBKDF2", "PLAIN", "CLEAR", "SSHA512.HEX", "sha512-crypt"})
    void newHashesVerifyAndAreSalted(String scheme) {
        String a = PasswordSchemes.hash(scheme, "n3w pässword".toCharArray());
        String b = PasswordSchemes.hash(scheme, "n3w pässword".toCharArray());
        assertThat(a).startsWith("{" + scheme.toUpperCase(java.util.Locale.ROOT) + "}");
        assertThat(PasswordSchemes.parse(a).verify("n3w pässword")).isTrue();
        assertThat(PasswordSchemes.parse(a).verify("n3w passwörd")).isFalse();
        if (!PasswordSchemes.parse(a).plaintext().isPresent()) {
            assertThat(a).isNotEqualTo(b);
        }
    }

    @Test
    void argon2idUsesDovecotsDefaultParameters() {
        String h = PasswordSchemes.hash("ARGON2ID", "x".toCharArray());
        assertThat(h).matches("\\{ARGON2ID\\}\\$argon2id\\$v=19\\$m=65536,t=3,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void onlyPlaintextSchemesRevealThePassword() {
        assertThat(PasswordSchemes.parse("{PLAIN}abc").plaintext()).hasValueSatisfying(
                b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("abc"));
        assertThat(PasswordSchemes.parse("{PLAIN.B64}YWJj").plaintext()).isPresent();
        assertThat(PasswordSchemes.parse("{SHA}sac8tEAAiNdxHIeYhtpC2AHEKnM=").plaintext()).isEmpty();
    }

    @Test
    void weakSchemesOnlyVerify() {
        assertThat(PasswordSchemes.canGenerate("MD5-CRYPT")).isFalse();
        assertThat(PasswordSchemes.canGenerate("SHA")).isFalse();
        assertThat(PasswordSchemes.canGenerate("CRYPT")).isFalse();
        assertThatThrownBy(() -> PasswordSchemes.hash("MD5-CRYPT", "x".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ARGON2ID");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{NOPE}abc|unknown password scheme {NOPE}",
        "{SHA.XYZ}abc|unknown password encoding",
        "{SHA256.HEX}zz|not valid hex",
        "{SHA256}!!!!|not valid base64",
        "{PLAIN|no closing",
    })
    void badFieldsAreRejectedWithoutShowingTheHash(String field, String message) {
        assertThatThrownBy(() -> PasswordSchemes.parse(field)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{SHA512-CRYPT}$6$",
        "{SHA512-CRYPT}garbage",
        "{BLF-CRYPT}$2y$05$short",
        "{ARGON2ID}$argon2id$v=19$m=65536,t=3,p=1$c2FsdA",
        "{ARGON2ID}$argon2id$v=19$m=99999999,t=3,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
        "{ARGON2ID}$argon2id$v=7$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
        "{ARGON2ID}$argon2x$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
        "{PBKDF2}$1$salt$x$b06cdb1558c37689e6eb367a44fb0fa3fefb77ba",
        "{PBKDF2}$2$salt$5000$b06cdb1558c37689e6eb367a44fb0fa3fefb77ba",
        "{SSHA}AAAA",
        "{SCRAM-SHA-256}4096,!!,x,y",
        "{CRYPT}",
        "{MD5-CRYPT}$1$",
    })
    void malformedStoredHashesNeverMatch(String stored) {
        assertThat(PasswordSchemes.parse(stored).verify("secret")).isFalse();
        assertThat(PasswordSchemes.parse(stored).verify("")).isFalse();
    }

    @Test
    void toStringNeverShowsTheHash() {
        assertThat(PasswordSchemes.parse("{PLAIN}hunter2").toString()).doesNotContain("hunter2").contains("PLAIN");
    }
}
