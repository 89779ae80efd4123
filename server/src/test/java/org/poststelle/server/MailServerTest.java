package org.poststelle.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poststelle.core.auth.Protocol;
import org.poststelle.core.config.ConfigFile;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.core.net.ConnectionLimits;
import org.poststelle.core.net.FrontEnd;
import org.poststelle.core.net.ServerShutdown;
import org.poststelle.core.net.SessionInfo;

/**
 * The listener layer with a tiny greeting front-end: PROXY protocol, connection limits, metrics and health,
 * graceful stop. The real protocols are tested in their modules and in the end-to-end tests.
 */
class MailServerTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private EventLoopGroup group;

    /** Greets with the client address it was given; says "bye" and closes on ServerShutdown. */
    static final class GreetingFrontEnd implements FrontEnd {
        @Override
        public Protocol protocol() {
            return Protocol.IMAP;
        }

        @Override
        public void initChannel(Channel ch, SessionInfo session) {
            ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                @Override
                public void handlerAdded(ChannelHandlerContext ctx) {
                    ctx.writeAndFlush(Unpooled.copiedBuffer("* OK hello " + session.remoteAddress().getHostAddress()
                            + "\r\n", StandardCharsets.US_ASCII));
                }

                @Override
                public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                    if (evt instanceof ServerShutdown) {
                        ctx.writeAndFlush(Unpooled.copiedBuffer("* BYE bye\r\n", StandardCharsets.US_ASCII))
                                .addListener(ChannelFutureListener.CLOSE);
                    }
                }
            });
        }
    }

    private MailServer start(String yaml, ConnectionLimits limits, Metrics metrics) throws Exception {
        ServerSettings s = ServerSettings.from(ConfigFile.parse(yaml));
        Transport transport = Transport.best();
        group = transport.newGroup(1);
        MailServer server = new MailServer(s, List.of(new MailServer.Listener("imap", Protocol.IMAP, 0, false)),
                Map.of(Protocol.IMAP, new GreetingFrontEnd()), null, metrics, limits, group, transport);
        // port 0 means "disabled" in the settings, so tests bind the listener list directly with an ephemeral port
        server.start();
        toClose.add(server);
        return server;
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        if (group != null) {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static Socket connect(InetSocketAddress a) throws IOException {
        Socket s = new Socket(a.getAddress(), a.getPort());
        s.setSoTimeout(10_000);
        return s;
    }

    private static String line(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }

    @Test
    void untrustedPeersAreTakenAtTheirAddress() throws Exception {
        MailServer server = start("listen: [127.0.0.1]\n", ConnectionLimits.unlimited(), Metrics.noop());
        try (Socket s = connect(server.address("imap"))) {
            assertThat(line(s)).isEqualTo("* OK hello 127.0.0.1");
        }
    }

    @Test
    void proxyV1HeaderFromATrustedProxyGivesTheRealClientAddress() throws Exception {
        MailServer server = start("proxy:\n  trusted: [127.0.0.0/8]\n", ConnectionLimits.unlimited(),
                Metrics.noop());
        try (Socket s = connect(server.address("imap"))) {
            s.getOutputStream().write("PROXY TCP4 203.0.113.7 127.0.0.1 55555 143\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(line(s)).isEqualTo("* OK hello 203.0.113.7");
        }
    }

    @Test
    void proxyV2HeaderFromATrustedProxyGivesTheRealClientAddress() throws Exception {
        MailServer server = start("proxy:\n  trusted: [127.0.0.1]\n", ConnectionLimits.unlimited(),
                Metrics.noop());
        try (Socket s = connect(server.address("imap"))) {
            OutputStream out = s.getOutputStream();
            byte[] sig = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
            out.write(sig);
            out.write(0x21); // v2, PROXY
            out.write(0x11); // TCP over IPv4
            out.write(new byte[] {0, 12});
            out.write(new byte[] {(byte) 198, 51, 100, 9}); // source
            out.write(new byte[] {127, 0, 0, 1}); // destination
            out.write(new byte[] {(byte) 0xD9, 0x03}); // source port 55555
            out.write(new byte[] {0, (byte) 143});
            out.flush();
            assertThat(line(s)).isEqualTo("* OK hello 198.51.100.9");
        }
    }

    @Test
    void aTrustedProxyThatSendsGarbageIsDisconnected() throws Exception {
        MailServer server = start("proxy:\n  trusted: [127.0.0.1]\n", ConnectionLimits.unlimited(),
                Metrics.noop());
        try (Socket s = connect(server.address("imap"))) {
            s.getOutputStream().write("a1 LOGIN x y\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void perAddressLimitRefusesWithAClearAnswer() throws Exception {
        MailServer server = start("listen: [127.0.0.1]\n", new ConnectionLimits(0, 2, 0), Metrics.noop());
        try (Socket a = connect(server.address("imap")); Socket b = connect(server.address("imap"))) {
            assertThat(line(a)).startsWith("* OK");
            assertThat(line(b)).startsWith("* OK");
            try (Socket c = connect(server.address("imap"))) {
                assertThat(line(c)).isEqualTo("* BYE [UNAVAILABLE] Too many connections, try again later");
            }
        }
    }

    @Test
    void stopSaysGoodbyeToOpenSessions() throws Exception {
        MailServer server = start("listen: [127.0.0.1]\n", ConnectionLimits.unlimited(), Metrics.noop());
        try (Socket s = connect(server.address("imap"))) {
            BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(r.readLine()).startsWith("* OK");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.openConnections() == 1);
            server.stop(Duration.ofSeconds(5));
            assertThat(r.readLine()).isEqualTo("* BYE bye");
            assertThat(r.readLine()).isNull();
            assertThat(server.healthy()).isFalse();
        }
    }

    @Test
    void metricsAndHealthAreServedOverHttp() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics metrics = new Metrics(registry);
        MailServer server = start("listen: [127.0.0.1]\n", ConnectionLimits.unlimited(), metrics);
        var scrapes = Executors.newSingleThreadExecutor();
        MetricsHttpServer http = new MetricsHttpServer(registry, server::healthy, scrapes);
        http.start(group, Transport.best(), "127.0.0.1", 0);
        toClose.add(http);
        toClose.add(scrapes::shutdownNow);
        try (Socket s = connect(server.address("imap"))) {
            assertThat(line(s)).startsWith("* OK");
        }
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + http.address().getPort();
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        HttpResponse<String> scrape = client.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("poststelle_connections_accepted_total{protocol=\"imap\"} 1.0");
        assertThat(scrape.body()).contains("poststelle_bytes_out_total{protocol=\"imap\"}");
        server.stop(Duration.ofSeconds(1));
        HttpResponse<String> down = client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(down.statusCode()).isEqualTo(503);
    }
}
