package org.poststelle.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.handler.ssl.OpenSsl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.poststelle.tls.PemFixtures.KeyType;

/** New certificates reach new connections without a restart; open connections and broken files change nothing. */
class ReloadTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final KeyMaterial first = cert("first");
    private final KeyMaterial second = cert("second");
    private final KeyMaterial third = cert("third");

    private static KeyMaterial cert(String name) {
        return PemFixtures.certificate(PemFixtures.keyPair(KeyType.EC_PKCS8), List.of(name + ".example.org"));
    }

    @ParameterizedTest
    @EnumSource(names = {"OPENSSL", "JDK"})
    void reloadGivesNewConnectionsTheNewCertificateAndLeavesOpenOnesAlone(TlsConfig.Provider provider) throws Exception {
        assumeTrue(provider != TlsConfig.Provider.OPENSSL || OpenSsl.isAvailable());
        TlsConfig.CertificateFiles files = PemFixtures.write(dir, "", first, KeyType.EC_PKCS8);
        TlsConfig config = TlsConfig.selfSigned(dir).withProvider(provider).withReloadInterval(Duration.ZERO)
                .withCertificates(List.of(files));
        try (TlsManager tls = TlsManager.create(config, "localhost"); TlsTestServer server = new TlsTestServer(tls);
                SSLSocket open = TestClients.connect(TestClients.trustingAnything(), server.port(), null)) {
            assertThat(TestClients.serverLeaf(open)).isEqualTo(first.leaf());

            PemFixtures.write(dir, "", second, KeyType.EC_SEC1);
            assertThat(tls.reload()).isTrue();

            assertThat(leaf(server)).isEqualTo(second.leaf());
            assertThat(tls.certificateChain()).containsExactly(second.leaf());
            assertThat(TestClients.echo(open, "still here")).isEqualTo("still here");
            assertThat(TestClients.serverLeaf(open)).isEqualTo(first.leaf());
        }
    }

    @Test
    void aBrokenOrMismatchedFileKeepsTheWorkingCertificateUntilItIsFixed() throws Exception {
        TlsConfig.CertificateFiles files = PemFixtures.write(dir, "", first, KeyType.EC_PKCS8);
        TlsConfig config = TlsConfig.selfSigned(dir).withReloadInterval(Duration.ZERO).withCertificates(List.of(files));
        try (TlsManager tls = TlsManager.create(config, "localhost"); TlsTestServer server = new TlsTestServer(tls)) {
            // Half-written certificate: the renewal tool is still writing it.
            String pem = PemFixtures.chainPem(second);
            Files.writeString(files.cert(), pem.substring(0, pem.length() / 2), StandardCharsets.US_ASCII);
            assertThat(tls.reload()).isFalse();
            assertThat(tls.reloadProblem()).hasValueSatisfying(p -> assertThat(p).contains(files.cert().toString()));
            assertThat(leaf(server)).isEqualTo(first.leaf());

            // The new certificate is complete, but its key has not been written yet.
            Files.writeString(files.cert(), pem, StandardCharsets.US_ASCII);
            assertThat(tls.reload()).isFalse();
            assertThat(tls.reloadProblem()).hasValueSatisfying(p -> assertThat(p).contains("does not belong"));
            assertThat(leaf(server)).isEqualTo(first.leaf());

            Files.writeString(files.key(), PemFixtures.keyPem(second, KeyType.EC_PKCS8), StandardCharsets.US_ASCII);
            assertThat(tls.reload()).isTrue();
            assertThat(tls.reloadProblem()).isEmpty();
            assertThat(leaf(server)).isEqualTo(second.leaf());
        }
    }

    /**
     * Certbot's layout: {@code live/} holds symlinks into {@code archive/}, and a renewal writes new archive
     * files and switches the links. The periodic check notices, ignores a broken intermediate state and
     * picks up the fixed files.
     */
    @Test
    void theCheckFollowsASymlinkSwapAndRetriesAfterABrokenState() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Path live = Files.createDirectories(dir.resolve("live"));
        TlsConfig.CertificateFiles v1 = PemFixtures.write(archive, "1-", first, KeyType.EC_PKCS8);
        Path cert = live.resolve("fullchain.pem");
        Path key = live.resolve("privkey.pem");
        link(cert, v1.cert());
        link(key, v1.key());
        TlsConfig config = TlsConfig.selfSigned(dir).withReloadInterval(Duration.ofMillis(50))
                .withCertificates(List.of(new TlsConfig.CertificateFiles(cert, key)));
        try (TlsManager tls = TlsManager.create(config, "localhost"); TlsTestServer server = new TlsTestServer(tls)) {
            assertThat(leaf(server)).isEqualTo(first.leaf());

            TlsConfig.CertificateFiles v2 = PemFixtures.write(archive, "2-", second, KeyType.EC_PKCS8);
            link(cert, v2.cert());
            link(key, v2.key());
            await().atMost(DEADLINE).until(() -> tls.certificateChain().get(0).equals(second.leaf()));
            assertThat(leaf(server)).isEqualTo(second.leaf());

            // A renewal that breaks half-way: the certificate is switched, the key is not.
            TlsConfig.CertificateFiles v3 = PemFixtures.write(archive, "3-", third, KeyType.EC_PKCS8);
            link(cert, v3.cert());
            await().atMost(DEADLINE).until(() -> tls.reloadProblem().isPresent());
            assertThat(leaf(server)).isEqualTo(second.leaf());

            link(key, v3.key());
            await().atMost(DEADLINE).until(() -> tls.certificateChain().get(0).equals(third.leaf()));
            assertThat(tls.reloadProblem()).isEmpty();
            assertThat(leaf(server)).isEqualTo(third.leaf());
        }
    }

    /** Replaces {@code link} atomically, as certbot does: a new link renamed over the old one. */
    private static void link(Path link, Path target) throws Exception {
        Path tmp = link.resolveSibling(link.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, target);
        Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static X509Certificate leaf(TlsTestServer server) throws Exception {
        try (SSLSocket s = TestClients.connect(TestClients.trustingAnything(), server.port(), null)) {
            return TestClients.serverLeaf(s);
        }
    }
}
