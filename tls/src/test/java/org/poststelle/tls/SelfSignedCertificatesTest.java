package org.poststelle.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificatesTest {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    @TempDir
    Path data;

    @Test
    void generatesOnFirstStartAndReusesItAfterARestart() throws Exception {
        X509Certificate first;
        try (TlsManager tls = TlsManager.selfSigned(data, "mail.example.org")) {
            first = tls.certificateChain().get(0);
        }
        Path dir = data.resolve("tls");
        assertThat(dir.resolve("cert.pem")).exists();
        assertThat(Files.getPosixFilePermissions(dir.resolve("key.pem")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(dir)).doesNotContain(PosixFilePermission.OTHERS_READ);
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files left")
                    .containsExactlyInAnyOrder("cert.pem", "key.pem");
        }

        try (TlsManager again = TlsManager.selfSigned(data, "mail.example.org")) {
            assertThat(again.certificateChain()).containsExactly(first);
        }
    }

    @Test
    void holdsTheHostNameLocalhostAndTheLoopbackAddressAsAServerCertificateClientsAccept() throws Exception {
        try (TlsManager tls = TlsManager.selfSigned(data, "Mail.Example.org")) {
            X509Certificate cert = tls.certificateChain().get(0);

            assertThat(cert.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                    List.of(2, "mail.example.org"), List.of(2, "localhost"), List.of(7, "127.0.0.1"));
            assertThat(Certificates.subject(cert)).contains("CN=mail.example.org");
            assertThat(cert.getBasicConstraints()).as("not a CA").isEqualTo(-1);
            assertThat(cert.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
            assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("RSA");
            assertThat(cert.getSigAlgName()).isEqualTo("SHA256withRSA");
            Duration validity = Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
            assertThat(validity).as("Apple's limit for TLS server certificates").isLessThanOrEqualTo(Duration.ofDays(825));
            cert.verify(cert.getPublicKey());
        }
    }

    @Test
    void aClientVerifyingHostNamesAcceptsItForEachName() throws Exception {
        try (TlsManager tls = TlsManager.selfSigned(data, "mail.example.org"); TlsTestServer server = new TlsTestServer(tls)) {
            for (String name : List.of("localhost", "mail.example.org")) {
                try (SSLSocket s = (SSLSocket) tls.clientContext().getSocketFactory().createSocket("127.0.0.1", server.port())) {
                    javax.net.ssl.SSLParameters p = s.getSSLParameters();
                    p.setEndpointIdentificationAlgorithm("HTTPS"); // RFC 2818/6125 name checks, as mail clients do
                    p.setServerNames(List.of(new javax.net.ssl.SNIHostName(name)));
                    s.setSSLParameters(p);
                    s.startHandshake();
                }
            }
        }
    }

    @Test
    void isReplacedWhenTheHostNameChanges() throws Exception {
        X509Certificate old;
        try (TlsManager tls = TlsManager.selfSigned(data, "old.example.org")) {
            old = tls.certificateChain().get(0);
        }
        try (TlsManager tls = TlsManager.selfSigned(data, "new.example.org")) {
            assertThat(tls.certificateChain().get(0)).isNotEqualTo(old);
            assertThat(tls.certificateChain().get(0).getSubjectAlternativeNames()).contains(List.of(2, "new.example.org"));
        }
    }

    @Test
    void isRenewedBeforeItExpiresByTheRegularCheck() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        TlsConfig config = TlsConfig.selfSigned(data).withReloadInterval(Duration.ZERO);
        try (TlsManager tls = TlsManager.create(config, "localhost", clock)) {
            X509Certificate first = tls.certificateChain().get(0);
            assertThat(tls.reload(false)).isFalse();

            clock.now = first.getNotAfter().toInstant().minus(Duration.ofDays(10));
            assertThat(tls.reload(false)).isTrue();

            X509Certificate renewed = tls.certificateChain().get(0);
            assertThat(renewed).isNotEqualTo(first);
            assertThat(renewed.getNotAfter()).isAfter(first.getNotAfter());
            assertThat(PemFiles.readCertificates(data.resolve("tls/cert.pem"))).containsExactly(renewed);
        }
    }

    @Test
    void aDamagedKeptCertificateIsReplaced() throws Exception {
        Path dir = Files.createDirectories(data.resolve("tls"));
        Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n");
        try (TlsManager tls = TlsManager.selfSigned(data, "localhost")) {
            assertThat(PemFiles.readCertificates(dir.resolve("cert.pem"))).containsExactlyElementsOf(tls.certificateChain());
        }
    }

    @Test
    void theSelfSignedDirectoryIsConfigurable() throws Exception {
        Path elsewhere = data.resolve("elsewhere");
        TlsConfig config = TlsConfig.from(org.poststelle.core.config.ConfigSection.of(
                java.util.Map.of("self_signed_dir", "elsewhere")), data);
        try (TlsManager tls = TlsManager.create(config, "localhost")) {
            assertThat(PemFiles.readCertificates(elsewhere.resolve("cert.pem"))).containsExactlyElementsOf(tls.certificateChain());
        }
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
