package org.poststelle.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.poststelle.tls.PemFixtures.KeyType;

/**
 * Whatever a certificate or key file holds (a damaged renewal, a wrong path), loading it either succeeds or
 * fails with a {@link CertificateLoadException} naming the file: never another exception, never a hang.
 */
class PemFilesFuzzTest {
    private static Path dir;
    private static String validCert;
    private static String validKey;

    @BeforeContainer
    static void fixtures() throws IOException {
        dir = Files.createTempDirectory("pem-fuzz");
        KeyMaterial km = PemFixtures.certificate(PemFixtures.keyPair(KeyType.EC_SEC1), List.of("fuzz.example.org"));
        validCert = PemFixtures.chainPem(km);
        validKey = PemFixtures.keyPem(km, KeyType.EC_SEC1);
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 300)
    void randomTextNeverEscapesAsAnotherException(@ForAll("pemLike") String certText, @ForAll("pemLike") String keyText) {
        assertLoadsOrExplains(certText, keyText);
    }

    @Property(tries = 300)
    void damagedValidFilesNeverEscapeAsAnotherException(@ForAll("damage") Damage certDamage, @ForAll("damage") Damage keyDamage) {
        assertLoadsOrExplains(certDamage.apply(validCert), keyDamage.apply(validKey));
    }

    private static void assertLoadsOrExplains(String certText, String keyText) {
        Path cert = write("cert.pem", certText);
        Path key = write("key.pem", keyText);
        try {
            KeyMaterial km = PemFiles.load(cert, key);
            assertThat(km.chain()).isNotEmpty();
        } catch (CertificateLoadException e) {
            assertThat(e.getMessage()).containsAnyOf(cert.toString(), key.toString());
        }
    }

    @Provide
    Arbitrary<String> pemLike() {
        Arbitrary<String> fragments = Arbitraries.of(
                "-----BEGIN CERTIFICATE-----\n", "-----END CERTIFICATE-----\n",
                "-----BEGIN PRIVATE KEY-----\n", "-----END PRIVATE KEY-----\n",
                "-----BEGIN EC PRIVATE KEY-----\n", "-----END EC PRIVATE KEY-----\n",
                "-----BEGIN RSA PRIVATE KEY-----\n", "-----END RSA PRIVATE KEY-----\n",
                "-----BEGIN EC PARAMETERS-----\n", "-----END EC PARAMETERS-----\n",
                "Proc-Type: 4,ENCRYPTED\n", "DEK-Info: AES-128-CBC,00\n",
                "MIIB", "AAAA", "BggqhkjOPQMBBw==\n", "====", "\n", "\r\n", "-----");
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(40);
        return Arbitraries.oneOf(fragments, noise).list().ofMaxSize(30).map(l -> String.join("", l));
    }

    /** Truncation, a flipped character or a cut-out piece of a valid file. */
    record Damage(int kind, int at, int length, char c) {
        String apply(String s) {
            int i = Math.floorMod(at, s.length());
            switch (kind) {
                case 0:
                    return s.substring(0, i);
                case 1:
                    return s.substring(0, i) + c + s.substring(i + 1);
                default:
                    return s.substring(0, i) + s.substring(Math.min(s.length(), i + length));
            }
        }
    }

    @Provide
    Arbitrary<Damage> damage() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers(),
                Arbitraries.integers().between(1, 200), Arbitraries.chars().ascii()).as(Damage::new);
    }

    private static Path write(String name, String text) {
        try {
            return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
