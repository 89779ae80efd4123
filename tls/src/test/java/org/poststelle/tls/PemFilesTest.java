package org.poststelle.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.poststelle.tls.PemFixtures.KeyType;

class PemFilesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void loadsEachKeyFormatWithItsChain(KeyType type) throws Exception {
        KeyMaterial km = PemFixtures.certificate(PemFixtures.keyPair(type), List.of("mail.example.org", "*.example.org"));
        TlsConfig.CertificateFiles files = PemFixtures.write(dir, "", km, type);

        KeyMaterial loaded = PemFiles.load(files.cert(), files.key());

        assertThat(loaded.chain()).containsExactlyElementsOf(km.chain());
        assertSameKey(loaded.key(), km.key());
        assertThat(loaded.dnsNames()).containsExactly("mail.example.org", "*.example.org");
    }

    @Test
    void findsTheCurveOfASec1KeyWithoutParametersInItsCertificate() throws Exception {
        KeyMaterial km = PemFixtures.certificate(PemFixtures.keyPair(KeyType.EC_SEC1), List.of("mail.example.org"));
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        write(cert, PemFixtures.chainPem(km));
        String sec1 = PemFixtures.traditionalPem(km);
        assertThat(sec1).contains("-----BEGIN EC PRIVATE KEY-----");
        write(key, sec1);

        assertSameKey(PemFiles.load(cert, key).key(), km.key());
    }

    @Test
    void readsAFullChainLeafFirst() throws Exception {
        KeyMaterial leaf = PemFixtures.certificate(PemFixtures.keyPair(KeyType.EC_PKCS8), List.of("leaf.example.org"));
        KeyMaterial other = PemFixtures.certificate(PemFixtures.keyPair(KeyType.EC_PKCS8), List.of("intermediate"));
        Path cert = dir.resolve("fullchain.pem");
        Path key = dir.resolve("privkey.pem");
        Files.writeString(cert, PemFixtures.chainPem(leaf) + PemFixtures.chainPem(other));
        Files.writeString(key, PemFixtures.keyPem(leaf, KeyType.EC_PKCS8));

        KeyMaterial loaded = PemFiles.load(cert, key);

        assertThat(loaded.chain()).containsExactly(leaf.leaf(), other.leaf());
    }

    @Test
    void keyAndChainMayShareOneFile() throws Exception {
        KeyMaterial km = PemFixtures.certificate(PemFixtures.keyPair(KeyType.RSA_PKCS1), List.of("mail.example.org"));
        Path combined = dir.resolve("combined.pem");
        Files.writeString(combined, PemFixtures.keyPem(km, KeyType.RSA_PKCS1) + PemFixtures.chainPem(km));

        assertThat(PemFiles.load(combined, combined).leaf()).isEqualTo(km.leaf());
    }

    @Test
    void refusesAKeyOfAnotherCertificate() {
        KeyMaterial a = PemFixtures.certificate(PemFixtures.keyPair(KeyType.EC_SEC1), List.of("a.example.org"));
        KeyMaterial b = PemFixtures.certificate(PemFixtures.keyPair(KeyType.EC_SEC1), List.of("b.example.org"));
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        write(cert, PemFixtures.chainPem(a));
        write(key, PemFixtures.keyPem(b, KeyType.EC_SEC1));

        assertThatThrownBy(() -> PemFiles.load(cert, key))
                .isInstanceOf(CertificateLoadException.class)
                .hasMessageContaining("does not belong to the first certificate");
    }

    @Test
    void refusesAnRsaKeyOfAnotherCertificateAndAKeyOfAnotherType() {
        KeyMaterial rsa = PemFixtures.certificate(PemFixtures.keyPair(KeyType.RSA_PKCS8), List.of("a.example.org"));
        KeyMaterial rsa2 = PemFixtures.certificate(PemFixtures.keyPair(KeyType.RSA_PKCS8), List.of("a.example.org"));
        KeyMaterial ec = PemFixtures.certificate(PemFixtures.keyPair(KeyType.EC_PKCS8), List.of("a.example.org"));
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        write(cert, PemFixtures.chainPem(rsa));

        write(key, PemFixtures.keyPem(rsa2, KeyType.RSA_PKCS8));
        assertThatThrownBy(() -> PemFiles.load(cert, key)).hasMessageContaining("does not belong");

        write(key, PemFixtures.keyPem(ec, KeyType.EC_PKCS8));
        assertThatThrownBy(() -> PemFiles.load(cert, key)).hasMessageContaining("does not belong");
    }

    @Test
    void explainsMissingEmptyTruncatedAndEncryptedFiles() {
        KeyMaterial km = PemFixtures.certificate(PemFixtures.keyPair(KeyType.RSA_PKCS8), List.of("a.example.org"));
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        write(key, PemFixtures.keyPem(km, KeyType.RSA_PKCS8));

        assertThatThrownBy(() -> PemFiles.load(cert, key)).hasMessageContaining("no such file");

        write(cert, "");
        assertThatThrownBy(() -> PemFiles.load(cert, key)).hasMessageContaining("no PEM certificate");

        String pem = PemFixtures.chainPem(km);
        write(cert, pem.substring(0, pem.length() / 2));
        assertThatThrownBy(() -> PemFiles.load(cert, key)).isInstanceOf(CertificateLoadException.class)
                .hasMessageContaining(cert.toString());

        write(cert, pem);
        write(key, "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                + "MIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI\n"
                + "-----END ENCRYPTED PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemFiles.load(cert, key)).isInstanceOf(CertificateLoadException.class);

        write(key, pem);
        assertThatThrownBy(() -> PemFiles.load(cert, key)).hasMessageContaining("no PEM private key");
    }

    @Test
    void namesFallBackToTheCommonNameOnlyWithoutSubjectAltName() throws Exception {
        KeyMaterial km = PemFixtures.certificate(PemFixtures.keyPair(KeyType.EC_PKCS8), List.of("Mail.Example.ORG."));
        assertThat(km.dnsNames()).containsExactly("mail.example.org");
        assertThat(Certificates.sha256Fingerprint(km.leaf())).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void coversExactNamesAndOneLabelWildcards() {
        KeyMaterial km = PemFixtures.certificate(PemFixtures.keyPair(KeyType.EC_PKCS8), List.of("mail.example.org", "*.example.net"));
        assertThat(km.covers("MAIL.example.org")).isTrue();
        assertThat(km.covers("imap.example.net")).isTrue();
        assertThat(km.covers("example.net")).isFalse();
        assertThat(km.covers("a.b.example.net")).isFalse();
        assertThat(km.covers("other.example.org")).isFalse();
        assertThat(km.covers(null)).isFalse();
    }

    /** The same secret (SEC1 keys carry optional fields that change the encoding, not the key). */
    private static void assertSameKey(PrivateKey actual, PrivateKey expected) {
        if (expected instanceof ECPrivateKey e) {
            assertThat(actual).isInstanceOf(ECPrivateKey.class);
            assertThat(((ECPrivateKey) actual).getS()).isEqualTo(e.getS());
        } else {
            assertThat(actual.getEncoded()).isEqualTo(expected.getEncoded());
        }
    }

    private static void write(Path p, String text) {
        try {
            Files.writeString(p, text, StandardCharsets.US_ASCII);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
