package org.poststelle.bench.pop3;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.poststelle.core.auth.Account;
import org.poststelle.core.auth.AuthConfig;
import org.poststelle.core.auth.PasswdFileAuthenticator;
import org.poststelle.core.auth.PlaintextPolicy;
import org.poststelle.core.auth.Protocol;
import org.poststelle.core.auth.sasl.SaslMechanisms;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.core.net.ConnectionLimits;
import org.poststelle.core.net.FrontEndServices;
import org.poststelle.core.net.SessionInfo;
import org.poststelle.pop3.Pop3Config;
import org.poststelle.pop3.Pop3FrontEnd;
import org.poststelle.store.MailStore;
import org.poststelle.store.Mailbox;
import org.poststelle.store.StoreConfig;
import org.poststelle.store.maildir.MaildirMailStore;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.NewMessage;
import org.poststelle.tls.TlsManager;

/**
 * {@code pop3-serve}: the POP3 front-end in process, wired as the server wires it (epoll where it loads,
 * session threads max(8, 4 x cores), Maildir store and passwd-file defaults), for benchmarking before or
 * beside the full server.
 *
 * <pre>
 * pop3-serve --data /tmp/poststelle-bench --port 11110 --tls-port 11995 --users user1..user50 --password pass
 *            [--seed 50] [--size 2k-200k] [--crlf] [--session-threads N] [--io-threads N] [--log-level INFO]
 * </pre>
 * Users get {PLAIN} passwords; {@code --seed} appends that many messages to each user's INBOX when it is
 * empty (the same messages {@code pop3-seed} writes for Dovecot). Plaintext login is allowed: loopback only.
 */
final class Pop3BenchServer {

    private Pop3BenchServer() {
    }

    static void serve(String[] argv) throws Exception {
        BenchArgs a = new BenchArgs(argv, List.of("crlf"));
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.valueOf(a.string("log-level", "INFO")));
        Path data = Path.of(a.string("data", "/tmp/poststelle-bench"));
        int port = a.integer("port", 11110);
        int tlsPort = a.integer("tls-port", 11995);
        List<String> users = BenchArgs.users(a.string("users", "user1..user50"));
        String password = a.string("password", "pass");
        int cores = Runtime.getRuntime().availableProcessors();
        int sessionThreads = a.integer("session-threads", Math.max(8, 4 * cores));
        int ioThreads = a.integer("io-threads", 0);

        Files.createDirectories(data);
        Path usersFile = data.resolve("users");
        List<String> lines = new ArrayList<>();
        for (String u : users) {
            lines.add(u + ":{PLAIN}" + password + "::::::");
        }
        Files.write(usersFile, lines, StandardCharsets.UTF_8);
        AuthConfig authConfig = AuthConfig.of(usersFile);
        PasswdFileAuthenticator authenticator = PasswdFileAuthenticator.open(authConfig);
        TlsManager tls = TlsManager.selfSigned(data.resolve("tls"), "localhost");
        Metrics metrics = new Metrics(new SimpleMeterRegistry());
        MailStore store = MaildirMailStore.open(StoreConfig.defaults(data), metrics);
        seed(a, store, authenticator, users);

        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(ioThreads,
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        Class<? extends ServerChannel> serverChannel = epoll ? EpollServerSocketChannel.class
                : NioServerSocketChannel.class;
        DefaultEventExecutorGroup sessions = new DefaultEventExecutorGroup(sessionThreads);
        FrontEndServices services = new FrontEndServices(authenticator, SaslMechanisms.defaults(),
                new PlaintextPolicy(true, List.of()),
                metrics, ConnectionLimits.unlimited(), sessions, "localhost");
        Pop3FrontEnd frontEnd = new Pop3FrontEnd(Pop3Config.DEFAULT, services, tls, store);
        for (boolean implicit : new boolean[] {false, true}) {
            new ServerBootstrap().group(group).channel(serverChannel).childHandler(new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                    SessionInfo info = new SessionInfo(Protocol.POP3, (InetSocketAddress) ch.remoteAddress(),
                            (InetSocketAddress) ch.localAddress(), implicit);
                    ch.attr(SessionInfo.KEY).set(info);
                    if (implicit) {
                        ch.pipeline().addLast(org.poststelle.tls.StartTls.HANDLER_NAME, tls.newHandler(ch.alloc()));
                    }
                    frontEnd.initChannel(ch, info);
                }
            }).bind("127.0.0.1", implicit ? tlsPort : port).sync();
        }
        System.out.printf("pop3-serve: POP3 127.0.0.1:%d, POP3S 127.0.0.1:%d, %s, %d session threads, TLS by %s, data %s%n",
                port, tlsPort, epoll ? "epoll" : "nio", sessionThreads, tls.provider(), data);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            group.shutdownGracefully();
            sessions.shutdownGracefully();
            stop.countDown();
        }));
        stop.await();
    }

    private static void seed(BenchArgs a, MailStore store, PasswdFileAuthenticator auth, List<String> users)
            throws Exception {
        int count = a.integer("seed", 0);
        if (count == 0) {
            return;
        }
        String size = a.string("size", "2k-200k");
        long min = BenchArgs.size(size.contains("-") ? size.substring(0, size.indexOf('-')) : size);
        long max = BenchArgs.size(size.contains("-") ? size.substring(size.indexOf('-') + 1) : size);
        for (String user : users) {
            Account account = auth.database().find(user).orElseThrow().account();
            try (Mailbox inbox = store.forAccount(account).open(MailboxName.INBOX, false)) {
                if (inbox.snapshot().size() > 0) {
                    continue;
                }
                Random random = new Random(user.hashCode());
                List<NewMessage> messages = new ArrayList<>();
                for (int i = 1; i <= count; i++) {
                    long target = min == max ? min : (long) (min * Math.pow((double) max / min, random.nextDouble()));
                    messages.add(NewMessage.of(MaildirSeeder.message(user, i, target, random, a.flag("crlf")),
                            Flags.NONE, null));
                }
                inbox.append(messages);
            }
        }
    }
}
