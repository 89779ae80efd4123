package org.poststelle.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.poststelle.core.auth.Protocol;
import org.poststelle.core.net.SessionInfo;

/**
 * The STARTTLS command-injection defence (CVE-2011-0411): whatever a client pipelines behind STARTTLS in
 * clear text never reaches the protocol, not even after the handshake.
 */
class StartTlsTest {
    private static final String OK = "OK Begin TLS now\r\n";

    @TempDir
    static Path dir;
    static TlsManager tls;

    @BeforeAll
    static void tls() {
        tls = TlsManager.selfSigned(dir, "localhost");
    }

    @AfterAll
    static void close() {
        tls.close();
    }

    /** A line decoder as the protocols have: it holds on STARTTLS and (on purpose) never checks holding(). */
    static final class LineDecoder extends ByteToMessageDecoder {
        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (eol < 0) {
                return;
            }
            String line = in.readCharSequence(eol + 1 - in.readerIndex(), StandardCharsets.US_ASCII).toString().trim();
            out.add(line);
            if (line.equalsIgnoreCase("STARTTLS")) {
                StartTls.hold(ctx, in);
            }
        }
    }

    /** Records every command; upgrades (or refuses) STARTTLS, answers anything else with "ECHO line". */
    static final class Session extends SimpleChannelInboundHandler<String> {
        final Queue<String> executed = new ConcurrentLinkedQueue<>();
        private final ServerTls serverTls;
        volatile boolean upgradeAtOnce = true;

        Session(ServerTls serverTls) {
            this.serverTls = serverTls;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String line) {
            executed.add(line);
            if (line.equalsIgnoreCase("STARTTLS")) {
                if (upgradeAtOnce) {
                    StartTls.upgrade(ctx.channel(), serverTls, ascii(OK));
                }
            } else {
                ctx.writeAndFlush(ascii("ECHO " + line + "\r\n"));
            }
        }
    }

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    private static String text(Object buf) {
        ByteBuf b = (ByteBuf) buf;
        try {
            return b.toString(StandardCharsets.US_ASCII);
        } finally {
            b.release();
        }
    }

    @Test
    void commandsPipelinedBehindStartTlsInOnePacketAreNeverExecuted() {
        Session session = new Session(tls);
        EmbeddedChannel ch = new EmbeddedChannel(new LineDecoder(), session);

        ch.writeInbound(ascii("STARTTLS\r\nLOGIN alice secret\r\n"));
        ch.runPendingTasks();

        assertThat(session.executed).containsExactly("STARTTLS");
        assertThat(text(ch.readOutbound())).as("the OK leaves in clear").isEqualTo(OK);
        assertThat(ch.pipeline().names().get(0)).isEqualTo(StartTls.HANDLER_NAME);
        assertThat(ch.pipeline().first()).isInstanceOf(SslHandler.class);
        assertThat(StartTls.isActive(ch)).isTrue();
        assertThat(StartTls.holding(ch)).isFalse();
        assertThat(ch.config().isAutoRead()).isTrue();
        assertThat(ch.pipeline().get(StartTls.DISCARD_NAME)).isNull();

        // Anything after the OK must be TLS: the old plaintext is no command, only a TLS error.
        assertThatThrownBy(() -> ch.writeInbound(ascii("LOGIN alice secret\r\n")))
                .hasStackTraceContaining("NotSslRecordException");
        assertThat(session.executed).containsExactly("STARTTLS");
        ch.finishAndReleaseAll();
    }

    @Test
    void bytesArrivingWhileTheUpgradeIsPendingAreDropped() {
        Session session = new Session(tls);
        session.upgradeAtOnce = false;
        EmbeddedChannel ch = new EmbeddedChannel(new LineDecoder(), session);

        ch.writeInbound(ascii("STARTTLS\r\n"));
        assertThat(StartTls.holding(ch)).isTrue();
        assertThat(ch.config().isAutoRead()).isFalse();
        // A read already under way when reading stopped.
        ch.writeInbound(ascii("LOGIN alice secret\r\n"));
        StartTls.upgrade(ch, tls, ascii(OK));
        ch.runPendingTasks();

        assertThat(session.executed).containsExactly("STARTTLS");
        assertThat(text(ch.readOutbound())).isEqualTo(OK);
        assertThat(ch.pipeline().first()).isInstanceOf(SslHandler.class);
        ch.finishAndReleaseAll();
    }

    @Test
    void aRefusedStartTlsResumesReadingInClear() {
        Session session = new Session(tls);
        session.upgradeAtOnce = false;
        EmbeddedChannel ch = new EmbeddedChannel(new LineDecoder(), session);

        ch.writeInbound(ascii("STARTTLS\r\nLOGIN alice secret\r\n"));
        StartTls.refuse(ch);
        ch.runPendingTasks();
        ch.writeInbound(ascii("NOOP\r\n"));

        assertThat(session.executed).containsExactly("STARTTLS", "NOOP");
        assertThat(text(ch.readOutbound())).isEqualTo("ECHO NOOP\r\n");
        assertThat(StartTls.isActive(ch)).isFalse();
        assertThat(StartTls.holding(ch)).isFalse();
        assertThat(ch.config().isAutoRead()).isTrue();
        assertThat(ch.pipeline().get(StartTls.DISCARD_NAME)).isNull();
        ch.finishAndReleaseAll();
    }

    @Test
    void aSecondUpgradeClosesTheConnection() {
        Session session = new Session(tls);
        EmbeddedChannel ch = new EmbeddedChannel(new LineDecoder(), session);
        ch.writeInbound(ascii("STARTTLS\r\n"));
        ch.runPendingTasks();
        text(ch.readOutbound());

        StartTls.upgrade(ch, tls, ascii(OK));
        ch.runPendingTasks();

        assertThat(ch.isOpen()).isFalse();
        ch.finishAndReleaseAll();
    }

    /** The same over a real socket: the client sends STARTTLS and LOGIN in one write, then handshakes. */
    @ParameterizedTest
    @EnumSource(names = {"OPENSSL", "JDK"})
    void overARealSocketTheInjectedCommandNeverRuns(TlsConfig.Provider provider) throws Exception {
        assumeTrue(provider != TlsConfig.Provider.OPENSSL || OpenSsl.isAvailable());
        Queue<Session> sessions = new ConcurrentLinkedQueue<>();
        Queue<SessionInfo> infos = new ConcurrentLinkedQueue<>();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (TlsManager serverTls = TlsManager.create(TlsConfig.selfSigned(dir).withProvider(provider), "localhost")) {
            Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            SessionInfo info = new SessionInfo(Protocol.IMAP, ch.remoteAddress(), ch.localAddress(), false);
                            ch.attr(SessionInfo.KEY).set(info);
                            infos.add(info);
                            Session session = new Session(serverTls);
                            sessions.add(session);
                            ch.pipeline().addLast(new LineDecoder(), session);
                        }
                    }).bind("127.0.0.1", 0).sync().channel();
            int port = ((InetSocketAddress) server.localAddress()).getPort();

            try (Socket plain = new Socket("127.0.0.1", port)) {
                plain.setSoTimeout(10_000);
                OutputStream out = plain.getOutputStream();
                out.write("STARTTLS\r\nLOGIN alice secret\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(readLine(plain.getInputStream())).isEqualTo(OK.trim());

                try (SSLSocket secure = (SSLSocket) serverTls.clientContext().getSocketFactory()
                        .createSocket(plain, "localhost", port, true)) {
                    secure.startHandshake();
                    secure.getOutputStream().write("NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
                    secure.getOutputStream().flush();
                    assertThat(readLine(secure.getInputStream())).isEqualTo("ECHO NOOP");
                }
            }
            assertThat(sessions.peek().executed).containsExactly("STARTTLS", "NOOP");
            await().atMost(Duration.ofSeconds(10)).until(() -> "TLSv1.3".equals(infos.peek().tlsProtocol()));
            assertThat(infos.peek().tlsMode()).isEqualTo("starttls");
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
        }
    }

    private static String readLine(InputStream in) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
