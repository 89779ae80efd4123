package org.poststelle.bench.imap;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.poststelle.core.auth.AuthConfig;
import org.poststelle.core.auth.PasswdFileAuthenticator;
import org.poststelle.core.auth.PlaintextPolicy;
import org.poststelle.core.auth.Protocol;
import org.poststelle.core.auth.sasl.SaslMechanisms;
import org.poststelle.core.config.ConfigSection;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.core.net.ConnectionLimits;
import org.poststelle.core.net.FrontEndServices;
import org.poststelle.core.net.SessionInfo;
import org.poststelle.imap.ImapConfig;
import org.poststelle.imap.ImapFrontEnd;
import org.poststelle.store.StoreConfig;
import org.poststelle.store.maildir.MaildirMailStore;
import org.poststelle.tls.StartTls;
import org.poststelle.tls.TlsManager;

/**
 * The IMAP front-end over a Maildir store with passwd-file users, in-process, as the benchmarks run it
 * (the server module wires the same parts). Users get password {@code pass}; plaintext login is allowed,
 * as on the reference Dovecot.
 */
final class BenchServer implements AutoCloseable {
    final Path data;
    final PasswdFileAuthenticator auth;
    final MaildirMailStore store;
    final TlsManager tls;
    private final EventLoopGroup boss;
    private final EventLoopGroup loop;
    private final DefaultEventExecutorGroup sessions;
    private final Channel plain;
    private final Channel implicit;
    final AtomicInteger open = new AtomicInteger();
    private final java.util.Set<Channel> children = java.util.concurrent.ConcurrentHashMap.newKeySet();

    BenchServer(Path data, List<String> users, String password, int port, int tlsPort, boolean fsync,
            int ioThreads, int sessionThreads) throws IOException {
        this.data = data;
        Files.createDirectories(data);
        StringBuilder passwd = new StringBuilder();
        for (String u : users) {
            passwd.append(u).append(":{PLAIN}").append(password).append("::::::\n");
        }
        Path usersFile = data.resolve("users");
        Files.writeString(usersFile, passwd, StandardCharsets.UTF_8);
        this.auth = PasswdFileAuthenticator.open(AuthConfig.of(usersFile).withoutFailureDelay());
        Map<String, Object> storeCfg = new HashMap<>();
        storeCfg.put("location", "mail/%u");
        storeCfg.put("create_special_folders", "never");
        storeCfg.put("fsync", String.valueOf(fsync));
        this.store = MaildirMailStore.open(StoreConfig.from(ConfigSection.of(storeCfg), data), Metrics.noop());
        this.tls = TlsManager.selfSigned(data, "localhost");
        this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.loop = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
        this.sessions = new DefaultEventExecutorGroup(sessionThreads);
        FrontEndServices services = new FrontEndServices(auth, SaslMechanisms.defaults(),
                new PlaintextPolicy(true, List.of()), Metrics.noop(), ConnectionLimits.unlimited(), sessions,
                "localhost");
        ImapFrontEnd frontEnd = new ImapFrontEnd(ImapConfig.defaults(), services, tls, store);
        this.plain = bind(frontEnd, port, false);
        this.implicit = bind(frontEnd, tlsPort, true);
    }

    private Channel bind(ImapFrontEnd frontEnd, int port, boolean implicitTls) {
        ServerBootstrap b = new ServerBootstrap().group(boss, loop).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        open.incrementAndGet();
                        children.add(ch);
                        ch.closeFuture().addListener(f -> {
                            open.decrementAndGet();
                            children.remove(ch);
                        });
                        SessionInfo info = new SessionInfo(Protocol.IMAP, ch.remoteAddress(), ch.localAddress(),
                                implicitTls);
                        ch.attr(SessionInfo.KEY).set(info);
                        if (implicitTls) {
                            ch.pipeline().addLast(StartTls.HANDLER_NAME, tls.newHandler(ch.alloc()));
                        }
                        frontEnd.initChannel(ch, info);
                    }
                });
        return b.bind(new InetSocketAddress("127.0.0.1", port)).syncUninterruptibly().channel();
    }

    int port() {
        return ((InetSocketAddress) plain.localAddress()).getPort();
    }

    int tlsPort() {
        return ((InetSocketAddress) implicit.localAddress()).getPort();
    }

    @Override
    public void close() {
        plain.close().syncUninterruptibly();
        implicit.close().syncUninterruptibly();
        for (Channel ch : children) {
            ch.close().syncUninterruptibly();
        }
        sessions.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        loop.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        store.close();
        tls.close();
        auth.close();
    }
}
