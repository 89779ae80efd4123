package org.poststelle.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.poststelle.core.config.ConfigSection;
import org.poststelle.core.net.SessionInfo;

/** Protocols, cipher suites and key types, through real sockets, with the OpenSSL and the JDK engine. */
class TlsHandshakeTest {
    private static final Pattern AEAD_FS = Pattern.compile(
            "TLS_(AES_128_GCM_SHA256|AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256)"
            + "|TLS_ECDHE_(RSA|ECDSA)_WITH_(AES_128_GCM_SHA256|AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256)");

    @TempDir
    Path dir;

    private TlsManager manager(TlsConfig.Provider provider) {
        assumeTrue(provider != TlsConfig.Provider.OPENSSL || OpenSsl.isAvailable(), "OpenSSL not available");
        return TlsManager.create(TlsConfig.selfSigned(dir).withProvider(provider), "localhost");
    }

    @ParameterizedTest
    @EnumSource(names = {"OPENSSL", "JDK"})
    void reportsTheProvider(TlsConfig.Provider provider) {
        try (TlsManager tls = manager(provider)) {
            assertThat(tls.provider()).isEqualTo(provider == TlsConfig.Provider.JDK ? "JDK" : "OpenSSL");
        }
    }

    @Test
    void autoPicksOpenSslWhenItLoads() {
        try (TlsManager tls = TlsManager.create(TlsConfig.selfSigned(dir), "localhost")) {
            assertThat(tls.provider()).isEqualTo(OpenSsl.isAvailable() ? "OpenSSL" : "JDK");
        }
    }

    @ParameterizedTest
    @CsvSource({"OPENSSL, TLSv1.3", "OPENSSL, TLSv1.2", "JDK, TLSv1.3", "JDK, TLSv1.2"})
    void negotiatesTls13And12AndRecordsTheProtocolInTheSession(TlsConfig.Provider provider, String protocol)
            throws Exception {
        try (TlsManager tls = manager(provider);
                TlsTestServer server = new TlsTestServer(tls);
                SSLSocket s = TestClients.connect(tls.clientContext(), server.port(), "localhost", List.of(protocol), null)) {
            assertThat(s.getSession().getProtocol()).isEqualTo(protocol);
            assertThat(s.getSession().getCipherSuite()).matches(AEAD_FS);
            assertThat(TestClients.echo(s, "a line")).isEqualTo("a line");
            SessionInfo info = server.sessions.peek();
            await().atMost(Duration.ofSeconds(10)).until(() -> protocol.equals(info.tlsProtocol()));
        }
    }

    @ParameterizedTest
    @CsvSource({"OPENSSL, 769", "OPENSSL, 770", "JDK, 769", "JDK, 770"})
    void refusesTls10And11(TlsConfig.Provider provider, int version) throws Exception {
        try (TlsManager tls = manager(provider); TlsTestServer server = new TlsTestServer(tls)) {
            int answer = LegacyClientHello.firstAnswerByte(server.port(), version);

            assertThat(answer).as("no ServerHello, only an alert or a close").isIn(LegacyClientHello.RECORD_ALERT, -1);
            await().atMost(Duration.ofSeconds(10)).until(() -> !server.handshakes.isEmpty());
            assertThat(server.handshakes.peek().isSuccess()).isFalse();
            assertThat(server.sessions.peek().tlsProtocol()).isNull();
        }
    }

    /**
     * Offers every TLS 1.2 suite the JDK client knows, one at a time, to a server with an RSA certificate:
     * exactly the ECDHE_RSA AEAD suites are accepted.
     */
    @ParameterizedTest
    @EnumSource(names = {"OPENSSL", "JDK"})
    void acceptsOnlyForwardSecretAeadSuites(TlsConfig.Provider provider) throws Exception {
        try (TlsManager tls = manager(provider); TlsTestServer server = new TlsTestServer(tls)) {
            List<String> accepted = new ArrayList<>();
            String[] offered;
            try (SSLSocket probe = (SSLSocket) TestClients.trustingAnything().getSocketFactory().createSocket()) {
                offered = probe.getSupportedCipherSuites();
            }
            for (String suite : offered) {
                if (suite.startsWith("TLS_EMPTY") || suite.startsWith("TLS_AES") || suite.startsWith("TLS_CHACHA")) {
                    continue; // the renegotiation marker and the TLS 1.3 suites
                }
                try (SSLSocket s = TestClients.connect(TestClients.trustingAnything(), server.port(), null,
                        List.of("TLSv1.2"), List.of(suite))) {
                    accepted.add(s.getSession().getCipherSuite());
                } catch (IOException refused) {
                    // expected for everything but the AEAD forward-secret suites
                }
            }
            assertThat(accepted).isNotEmpty().allMatch(s -> AEAD_FS.matcher(s).matches())
                    .contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
            assertThat(Arrays.asList(offered)).contains("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                    "TLS_RSA_WITH_AES_128_GCM_SHA256");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"OPENSSL", "JDK"})
    void configuresOnlyTls13And12AndAeadSuites(TlsConfig.Provider provider) throws Exception {
        assumeTrue(provider != TlsConfig.Provider.OPENSSL || OpenSsl.isAvailable());
        KeyMaterial km = SelfSignedCertificates.loadOrCreate(dir, "localhost", java.time.Clock.systemUTC());
        SslContext ctx = TlsContexts.server(km, TlsContexts.provider(provider), TlsConfig.selfSigned(dir).protocols());
        assertThat(ctx.cipherSuites()).isNotEmpty().allMatch(s -> AEAD_FS.matcher(s).matches());
        SSLEngine engine = ctx.newEngine(io.netty.buffer.ByteBufAllocator.DEFAULT);
        // Netty's OpenSSL engine always lists the SSLv2Hello pseudo-protocol; BoringSSL cannot parse one.
        assertThat(engine.getEnabledProtocols()).filteredOn(p -> !p.equals("SSLv2Hello"))
                .containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        assertThat(engine.getEnabledCipherSuites()).allMatch(s -> AEAD_FS.matcher(s).matches());
        io.netty.util.ReferenceCountUtil.release(engine);
    }

    @ParameterizedTest
    @EnumSource(names = {"OPENSSL", "JDK"})
    void minProtocolTls13RefusesTls12(TlsConfig.Provider provider) throws Exception {
        assumeTrue(provider != TlsConfig.Provider.OPENSSL || OpenSsl.isAvailable());
        TlsConfig config = TlsConfig.from(ConfigSection.of(Map.of("min_protocol", "TLSv1.3", "provider", provider.name())), dir);
        try (TlsManager tls = TlsManager.create(config, "localhost"); TlsTestServer server = new TlsTestServer(tls)) {
            assertThatThrownBy(() -> TestClients.connect(tls.clientContext(), server.port(), null, List.of("TLSv1.2"), null))
                    .isInstanceOf(SSLHandshakeException.class);
            try (SSLSocket s = TestClients.connect(tls.clientContext(), server.port(), null)) {
                assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3");
            }
        }
    }

    /** Keys and certificates written by the openssl command line (see resources/openssl-fixtures/README.md). */
    @ParameterizedTest
    @CsvSource({
        "OPENSSL, rsa-pkcs1", "OPENSSL, rsa-pkcs8", "OPENSSL, ec-sec1", "OPENSSL, ec-pkcs8", "OPENSSL, ed25519",
        "JDK, rsa-pkcs1", "JDK, rsa-pkcs8", "JDK, ec-sec1", "JDK, ec-pkcs8", "JDK, ed25519"})
    void servesEveryKeyTypeOpensslWrites(TlsConfig.Provider provider, String fixture) throws Exception {
        assumeTrue(provider != TlsConfig.Provider.OPENSSL || OpenSsl.isAvailable());
        Path cert = copyFixture(fixture + ".crt");
        Path key = copyFixture(fixture + ".key");
        TlsConfig config = TlsConfig.selfSigned(dir).withProvider(provider)
                .withCertificates(List.of(new TlsConfig.CertificateFiles(cert, key)));
        try (TlsManager tls = TlsManager.create(config, "localhost");
                TlsTestServer server = new TlsTestServer(tls);
                SSLSocket s = TestClients.connect(tls.clientContext(), server.port(), fixture + ".example.org")) {
            assertThat(TestClients.serverLeaf(s)).isEqualTo(tls.certificateChain().get(0));
            assertThat(tls.certificateChain().get(0).getSubjectX500Principal().getName()).contains(fixture);
            assertThat(TestClients.echo(s, "ok")).isEqualTo("ok");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"OPENSSL", "JDK"})
    void closesAConnectionThatDoesNotHandshakeInTime(TlsConfig.Provider provider) throws Exception {
        assumeTrue(provider != TlsConfig.Provider.OPENSSL || OpenSsl.isAvailable());
        TlsConfig config = TlsConfig.from(ConfigSection.of(Map.of("handshake_timeout", "300ms", "provider", provider.name())), dir);
        try (TlsManager tls = TlsManager.create(config, "localhost");
                TlsTestServer server = new TlsTestServer(tls);
                Socket silent = new Socket("127.0.0.1", server.port())) {
            silent.setSoTimeout(10_000);
            InputStream in = silent.getInputStream();
            assertThat(in.read()).as("closed by the server without a byte").isEqualTo(-1);
        }
    }

    private Path copyFixture(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/openssl-fixtures/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }
}
