package org.poststelle.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedTlsManagerSmokeTest {
    @TempDir
    Path dir;

    @Test
    void aSelfSignedManagerServesAClientThatTrustsIt() throws Exception {
        try (TlsManager tls = TlsManager.selfSigned(dir, "mail.example.org");
                TlsTestServer server = new TlsTestServer(tls);
                SSLSocket s = TestClients.connect(tls.clientContext(), server.port(), "localhost")) {
            assertThat(TestClients.echo(s, "hello")).isEqualTo("hello");
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
    }
}
