package org.poststelle.imap.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.poststelle.core.auth.AuthConfig;
import org.poststelle.core.auth.PasswdFileAuthenticator;
import org.poststelle.core.auth.PlaintextPolicy;
import org.poststelle.core.auth.Protocol;
import org.poststelle.core.auth.sasl.SaslMechanisms;
import org.poststelle.core.config.ConfigSection;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.core.net.ConnectionLimits;
import org.poststelle.core.net.FrontEndServices;
import org.poststelle.core.net.ServerShutdown;
import org.poststelle.core.net.SessionInfo;
import org.poststelle.imap.ImapConfig;
import org.poststelle.imap.ImapFrontEnd;
import org.poststelle.store.StoreConfig;
import org.poststelle.store.maildir.MaildirMailStore;
import org.poststelle.tls.StartTls;
import org.poststelle.tls.TlsManager;

/**
 * An in-process IMAP server over real TCP on 127.0.0.1 with a Maildir store in a temporary directory, users
 * alice, bob and carol with password "secret", a self-signed certificate, a plain listener (STARTTLS) and an
 * implicit-TLS listener.
 */
public final class ImapTestServer implements AutoCloseable {
    public static final String PASSWORD = "secret";

    private final Path dataDir;
    private final PasswdFileAuthenticator authenticator;
    private final MaildirMailStore store;
    private final TlsManager tls;
    private final EventLoopGroup loop;
    private final DefaultEventExecutorGroup sessions;
    private final Channel plain;
    private final Channel implicit;
    private final Metrics metrics = new Metrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    private final List<Channel> children = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Options for a test server. */
    public static final class Options {
        boolean plaintextWithoutTls = true;
        Map<String, Object> imap = new HashMap<>();
        ConnectionLimits limits = ConnectionLimits.unlimited();
        java.util.function.UnaryOperator<ImapConfig> adjust = c -> c;
        Map<String, String> extraFields = new HashMap<>();
        Map<String, Object> store = new HashMap<>();
        int sessionThreads = 2;

        /** How many session executors the server has (1: every connection shares one thread). */
        public Options sessionThreads(int n) {
            sessionThreads = n;
            return this;
        }

        /** A key of the store's section, e.g. {@code expunge_history}. */
        public Options store(String key, Object value) {
            store.put(key, value);
            return this;
        }

        /** Passwd-file extra fields for a user, e.g. {@code quota_bytes=4k quota_messages=3}. */
        public Options extraFields(String user, String fields) {
            extraFields.put(user, fields);
            return this;
        }

        /** Changes the configuration beyond what the YAML checks allow (short timeouts for tests). */
        public Options config(java.util.function.UnaryOperator<ImapConfig> change) {
            adjust = change;
            return this;
        }

        public Options tlsOnlyLogin() {
            plaintextWithoutTls = false;
            return this;
        }

        public Options imap(String key, Object value) {
            imap.put(key, value);
            return this;
        }

        public Options limits(ConnectionLimits l) {
            limits = l;
            return this;
        }
    }

    private static byte[] certPem;
    private static byte[] keyPem;

    /**
     * The self-signed certificate of the first test server is copied into later servers' data directories,
     * where the TLS manager finds and reuses it: generating one per test is slow.
     */
    private static synchronized TlsManager tlsFor(Path dataDir) {
        Path dir = dataDir.resolve("tls");
        try {
            if (certPem != null) {
                Files.createDirectories(dir);
                Files.write(dir.resolve("cert.pem"), certPem);
                Files.write(dir.resolve("key.pem"), keyPem);
            }
            TlsManager tls = TlsManager.selfSigned(dataDir, "localhost");
            if (certPem == null) {
                certPem = Files.readAllBytes(dir.resolve("cert.pem"));
                keyPem = Files.readAllBytes(dir.resolve("key.pem"));
            }
            return tls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ImapTestServer start(Path dataDir) {
        return start(dataDir, new Options());
    }

    public static ImapTestServer start(Path dataDir, Options options) {
        return new ImapTestServer(dataDir, options);
    }

    private ImapTestServer(Path dataDir, Options options) {
        this.dataDir = dataDir;
        try {
            Path users = dataDir.resolve("users");
            StringBuilder lines = new StringBuilder();
            for (String user : List.of("alice", "bob", "carol")) {
                lines.append(user).append(":{PLAIN}secret::::::")
                        .append(options.extraFields.getOrDefault(user, "")).append('\n');
            }
            Files.writeString(users, lines, StandardCharsets.UTF_8);
            this.authenticator = PasswdFileAuthenticator.open(AuthConfig.of(users).withoutFailureDelay());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // no special folders created at login: scripts see exactly the mailboxes they create; no fsync (speed)
        Map<String, Object> storeSection = new HashMap<>(Map.of("poll_interval", "500ms",
                "create_special_folders", "never", "fsync", "false", "location", "mail/%u"));
        storeSection.putAll(options.store);
        this.store = MaildirMailStore.open(StoreConfig.from(ConfigSection.of(storeSection), dataDir), Metrics.noop());
        this.tls = tlsFor(dataDir);
        this.loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.sessions = new DefaultEventExecutorGroup(options.sessionThreads);
        Map<String, Object> imap = new HashMap<>(options.imap);
        imap.putIfAbsent("spool_directory", dataDir.resolve("spool").toString());
        ImapConfig config = options.adjust.apply(ImapConfig.from(ConfigSection.of(imap)));
        PlaintextPolicy policy = new PlaintextPolicy(options.plaintextWithoutTls, List.of());
        FrontEndServices services = new FrontEndServices(authenticator, SaslMechanisms.defaults(), policy,
                metrics, options.limits, sessions, "localhost");
        ImapFrontEnd frontEnd = new ImapFrontEnd(config, services, tls, store);
        this.plain = bind(frontEnd, false);
        this.implicit = bind(frontEnd, true);
    }

    private Channel bind(ImapFrontEnd frontEnd, boolean implicitTls) {
        ServerBootstrap b = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        children.add(ch);
                        ch.closeFuture().addListener(f -> children.remove(ch));
                        SessionInfo info = new SessionInfo(Protocol.IMAP, ch.remoteAddress(), ch.localAddress(),
                                implicitTls);
                        ch.attr(SessionInfo.KEY).set(info);
                        if (implicitTls) {
                            ch.pipeline().addLast(StartTls.HANDLER_NAME, tls.newHandler(ch.alloc()));
                        }
                        frontEnd.initChannel(ch, info);
                    }
                });
        return b.bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
    }

    /** The front-end's metrics (a simple in-memory registry). */
    public Metrics metrics() {
        return metrics;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) plain.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    public int tlsPort() {
        return ((InetSocketAddress) implicit.localAddress()).getPort();
    }

    public SSLContext clientTls() {
        return tls.clientContext();
    }

    public MaildirMailStore store() {
        return store;
    }

    /** The Maildir of a user (for deliveries by "another program" in tests). */
    public Path maildir(String user) {
        return dataDir.resolve("mail").resolve(user);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Sends the shutdown event to every open connection, as the server does when it stops. */
    public void announceShutdown() {
        for (Channel ch : children) {
            ch.pipeline().fireUserEventTriggered(ServerShutdown.INSTANCE);
        }
    }

    @Override
    public void close() {
        plain.close().syncUninterruptibly();
        implicit.close().syncUninterruptibly();
        for (Channel ch : children) {
            ch.close().syncUninterruptibly();
        }
        sessions.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        loop.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        store.close();
        tls.close();
        authenticator.close();
    }
}
