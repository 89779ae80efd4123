package org.poststelle.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.handler.ssl.OpenSsl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.poststelle.core.net.SessionInfo;

/** One certificate per domain, chosen by the name the client asks for; the first one otherwise. */
class SniTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(names = {"OPENSSL", "JDK"})
    void choosesTheCertificateByServerNameAndDefaultsToTheFirst(TlsConfig.Provider provider) throws Exception {
        assumeTrue(provider != TlsConfig.Provider.OPENSSL || OpenSsl.isAvailable());
        List<TlsConfig.CertificateFiles> files = List.of(
                PemFixtures.write(dir, "default-", List.of("mail.example.org")),
                PemFixtures.write(dir, "net-", List.of("example.net", "*.example.net")),
                PemFixtures.write(dir, "com-", List.of("imap.example.com")));
        TlsConfig config = TlsConfig.selfSigned(dir).withProvider(provider).withCertificates(files);
        try (TlsManager tls = TlsManager.create(config, "mail.example.org"); TlsTestServer server = new TlsTestServer(tls)) {
            List<List<java.security.cert.X509Certificate>> chains = tls.certificateChains();
            assertThat(chains).hasSize(3);

            assertThat(leafFor(server, "imap.example.com")).isEqualTo(chains.get(2).get(0));
            assertThat(leafFor(server, "pop.example.net")).isEqualTo(chains.get(1).get(0));
            assertThat(leafFor(server, "EXAMPLE.NET")).isEqualTo(chains.get(1).get(0));
            assertThat(leafFor(server, "mail.example.org")).isEqualTo(chains.get(0).get(0));
            assertThat(leafFor(server, "unknown.example.biz")).isEqualTo(chains.get(0).get(0));
            assertThat(leafFor(server, "a.b.example.net")).as("a wildcard covers one label").isEqualTo(chains.get(0).get(0));
            assertThat(leafFor(server, null)).isEqualTo(chains.get(0).get(0));

            // The SNI path records the protocol like the single-certificate path.
            await().atMost(Duration.ofSeconds(10)).until(() -> server.sessions.stream().allMatch(s -> s.tlsProtocol() != null));
            assertThat(server.sessions).extracting(SessionInfo::tlsProtocol).containsOnly("TLSv1.3");
        }
    }

    private static java.security.cert.X509Certificate leafFor(TlsTestServer server, String sni) throws Exception {
        try (SSLSocket s = TestClients.connect(TestClients.trustingAnything(), server.port(), sni)) {
            assertThat(TestClients.echo(s, "x")).isEqualTo("x");
            return TestClients.serverLeaf(s);
        }
    }
}
