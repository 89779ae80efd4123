package org.poststelle.pop3.it;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.poststelle.core.auth.Account;
import org.poststelle.core.auth.AuthConfig;
import org.poststelle.core.auth.PasswdFileAuthenticator;
import org.poststelle.core.auth.PlaintextPolicy;
import org.poststelle.core.auth.Protocol;
import org.poststelle.core.auth.sasl.SaslMechanisms;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.core.net.ConnectionLimits;
import org.poststelle.core.net.FrontEndServices;
import org.poststelle.core.net.ServerShutdown;
import org.poststelle.core.net.SessionInfo;
import org.poststelle.pop3.Pop3Config;
import org.poststelle.pop3.Pop3FrontEnd;
import org.poststelle.store.MailStore;
import org.poststelle.store.Mailbox;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.NewMessage;
import org.poststelle.tls.TlsManager;

/**
 * A real POP3 server for tests: Netty listeners on 127.0.0.1 (plain with STLS, and implicit TLS) with the
 * POP3 front-end over a Maildir store in a temporary directory, a passwd-file and a self-signed certificate.
 * It plays the part of the server module: SessionInfo, implicit TLS first, then {@link Pop3FrontEnd}.
 */
public final class Pop3TestServer implements AutoCloseable {
    /** Users in every test passwd-file; alice's password is stored in clear (so APOP is offered). */
    public static final String PASSWORD = "secret";

    private final Path dir;
    private final PasswdFileAuthenticator authenticator;
    private final TlsManager tls;
    private final MailStore store;
    private final Metrics metrics = new Metrics(new SimpleMeterRegistry());
    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final DefaultEventExecutorGroup sessions = new DefaultEventExecutorGroup(2);
    private final List<Channel> channels = new ArrayList<>();
    private final List<Channel> servers = new ArrayList<>();
    private final InetSocketAddress plain;
    private final InetSocketAddress implicitTls;
    private final ConnectionLimits limits;

    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    public static final class Builder {
        private final Path dir;
        private boolean plaintextWithoutTls = true;
        private Pop3Config config = Pop3Config.DEFAULT;
        private ConnectionLimits limits = ConnectionLimits.unlimited();
        private java.time.Clock clock = java.time.Clock.systemUTC();
        private final List<String> extraUsers = new ArrayList<>();

        private Builder(Path dir) {
            this.dir = dir;
        }

        /** Whether USER/PASS and AUTH PLAIN work without TLS (the default here, for simple tests). */
        public Builder plaintextWithoutTls(boolean allowed) {
            this.plaintextWithoutTls = allowed;
            return this;
        }

        public Builder config(Pop3Config config) {
            this.config = config;
            return this;
        }

        public Builder limits(ConnectionLimits limits) {
            this.limits = limits;
            return this;
        }

        public Builder clock(java.time.Clock clock) {
            this.clock = clock;
            return this;
        }

        /** A passwd-file line, e.g. {@code "dave:{PLAIN}secret::::::protocols=imap"}. */
        public Builder user(String passwdLine) {
            extraUsers.add(passwdLine);
            return this;
        }

        public Pop3TestServer start() throws Exception {
            return new Pop3TestServer(this);
        }
    }

    private Pop3TestServer(Builder b) throws Exception {
        this.dir = b.dir;
        this.limits = b.limits;
        Files.createDirectories(dir);
        Path users = dir.resolve("users");
        List<String> lines = new ArrayList<>(List.of(
                "alice:{PLAIN}" + PASSWORD + "::::::",
                "bob:{PLAIN}" + PASSWORD + "::::::",
                "carol:{PLAIN}" + PASSWORD + "::::::"));
        lines.addAll(b.extraUsers);
        Files.write(users, lines, StandardCharsets.UTF_8);
        // SSHA512 for the dummy hash unknown users pay: the default ARGON2ID costs a second per server start
        authenticator = PasswdFileAuthenticator.open(
                AuthConfig.of(users).withoutFailureDelay().withDefaultScheme("SSHA512").withHashThreads(2, 100));
        tls = TlsManager.selfSigned(sharedTlsDir(), "localhost");
        store = TestStores.maildir(dir.resolve("mail"));
        FrontEndServices services = new FrontEndServices(authenticator, SaslMechanisms.defaults(),
                new PlaintextPolicy(b.plaintextWithoutTls, List.of()), metrics, b.limits, sessions, "localhost");
        Pop3FrontEnd frontEnd = new Pop3FrontEnd(b.config, services, tls, store, b.clock);
        plain = listen(frontEnd, false);
        implicitTls = listen(frontEnd, true);
    }

    private static Path tlsDir;

    /** One self-signed certificate for every test server of this JVM: generating one per test costs seconds. */
    private static synchronized Path sharedTlsDir() throws IOException {
        if (tlsDir == null) {
            tlsDir = Files.createTempDirectory("pop3-test-tls");
            Path dir = tlsDir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // temporary files; the OS cleans up
                }
            }));
        }
        return tlsDir;
    }

    private InetSocketAddress listen(Pop3FrontEnd frontEnd, boolean implicit) throws InterruptedException {
        Channel server = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        synchronized (channels) {
                            channels.add(ch);
                        }
                        ch.attr(SessionInfo.KEY).set(new SessionInfo(Protocol.POP3, ch.remoteAddress(), ch.localAddress(),
                                implicit));
                        if (implicit) {
                            ch.pipeline().addFirst("tls", tls.newHandler(ch.alloc()));
                        }
                        frontEnd.initChannel(ch, SessionInfo.of(ch));
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
        servers.add(server);
        return (InetSocketAddress) server.localAddress();
    }

    public InetSocketAddress address() {
        return plain;
    }

    public int port() {
        return plain.getPort();
    }

    public int tlsPort() {
        return implicitTls.getPort();
    }

    /** An SSLContext that trusts the server's self-signed certificate. */
    public SSLContext clientTls() {
        return tls.clientContext();
    }

    public ConnectionLimits limits() {
        return limits;
    }

    public Metrics metrics() {
        return metrics;
    }

    public MailStore store() {
        return store;
    }

    public Account account(String user) {
        try {
            return authenticator.database().find(user).orElseThrow().account();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The user's INBOX through the store API (the caller closes it). */
    public Mailbox inbox(String user) {
        return store.forAccount(account(user)).open(MailboxName.INBOX, false);
    }

    /** Delivers messages to the user's INBOX, in order. */
    public void deliver(String user, byte[]... messages) {
        List<NewMessage> list = new ArrayList<>();
        for (byte[] m : messages) {
            list.add(NewMessage.of(m, org.poststelle.store.model.Flags.NONE, null));
        }
        try (Mailbox inbox = inbox(user)) {
            inbox.append(list);
        }
    }

    /** Number of messages in the user's INBOX now. */
    public int count(String user) {
        try (Mailbox inbox = inbox(user)) {
            return inbox.snapshot().size();
        }
    }

    /** What the server does to open connections at shutdown. */
    public void announceShutdown() {
        synchronized (channels) {
            for (Channel ch : channels) {
                ch.pipeline().fireUserEventTriggered(ServerShutdown.INSTANCE);
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (Channel s : servers) {
            s.close().syncUninterruptibly();
        }
        synchronized (channels) {
            for (Channel ch : channels) {
                ch.close();
            }
        }
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        sessions.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        authenticator.close();
        tls.close();
        store.close();
    }
}
