package org.poststelle.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.poststelle.core.auth.Protocol;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.core.net.Cidr;
import org.poststelle.core.net.ConnectionLimits;
import org.poststelle.core.net.FrontEnd;
import org.poststelle.core.net.ServerShutdown;
import org.poststelle.core.net.SessionInfo;
import org.poststelle.tls.ServerTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners: accepts connections on every configured port, resolves the real client address (PROXY
 * protocol from trusted proxies), applies connection limits, adds TLS on implicit-TLS ports and hands the
 * connection to the protocol front-end. Also logs one line per session end and stops gracefully.
 */
public final class MailServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MailServer.class);
    private static final Logger sessions = LoggerFactory.getLogger("org.poststelle.session");

    /** One listener: a name for logs/health ("imap", "imaps", "pop3", "pop3s"), its protocol and TLS mode. */
    public record Listener(String name, Protocol protocol, int port, boolean implicitTls) {
    }

    private final List<String> addresses;
    private final List<Listener> listeners;
    private final Map<Protocol, FrontEnd> frontEnds;
    private final ServerTls tls;
    private final Metrics metrics;
    private final ConnectionLimits limits;
    private final List<Cidr> trustedProxies;
    private final Duration proxyHeaderTimeout;
    private final EventLoopGroup group;
    private final Transport transport;
    private final ChannelGroup serverChannels = new DefaultChannelGroup("listeners", GlobalEventExecutor.INSTANCE);
    private final ChannelGroup connections = new DefaultChannelGroup("connections", GlobalEventExecutor.INSTANCE);
    private final Map<String, List<InetSocketAddress>> bound = new LinkedHashMap<>();
    private volatile boolean stopping;

    public MailServer(ServerSettings settings, List<Listener> listeners, Map<Protocol, FrontEnd> frontEnds,
            ServerTls tls, Metrics metrics, ConnectionLimits limits, EventLoopGroup group, Transport transport) {
        this.addresses = settings.listen();
        this.listeners = listeners;
        this.frontEnds = frontEnds;
        this.tls = tls;
        this.metrics = metrics;
        this.limits = limits;
        this.trustedProxies = settings.trustedProxies();
        this.proxyHeaderTimeout = settings.proxyHeaderTimeout();
        this.group = group;
        this.transport = transport;
    }

    /** The standard four listeners from the settings; port 0 disables one. */
    public static List<Listener> standardListeners(ServerSettings s) {
        List<Listener> out = new ArrayList<>();
        addIf(out, new Listener("imap", Protocol.IMAP, s.imapPort(), false));
        addIf(out, new Listener("imaps", Protocol.IMAP, s.imapsPort(), true));
        addIf(out, new Listener("pop3", Protocol.POP3, s.pop3Port(), false));
        addIf(out, new Listener("pop3s", Protocol.POP3, s.pop3sPort(), true));
        return out;
    }

    private static void addIf(List<Listener> out, Listener l) {
        if (l.port() > 0) {
            out.add(l);
        }
    }

    /** Binds every listener; throws when a port cannot be bound (the caller reports it and exits). */
    public void start() throws InterruptedException {
        for (Listener l : listeners) {
            if (frontEnds.get(l.protocol()) == null) {
                continue;
            }
            if (l.implicitTls() && tls == null) {
                throw new IllegalStateException(l.name() + " needs TLS, but TLS is not set up");
            }
            for (String address : addresses) {
                ServerBootstrap b = new ServerBootstrap()
                        .group(group)
                        .channel(transport.serverChannel())
                        .option(ChannelOption.SO_BACKLOG, 1024)
                        .option(ChannelOption.SO_REUSEADDR, true)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        .childOption(ChannelOption.SO_KEEPALIVE, true)
                        .childHandler(new Accept(l));
                metrics.registerListener(l.protocol().id(), l.implicitTls() ? "implicit" : "none");
                Channel ch = b.bind(address, l.port()).sync().channel();
                serverChannels.add(ch);
                bound.computeIfAbsent(l.name(), k -> new ArrayList<>()).add((InetSocketAddress) ch.localAddress());
                log.info("{} listening on {}", l.name(), ch.localAddress());
            }
        }
    }

    /** Where a listener is bound (port 0 in tests gives an ephemeral port). */
    public InetSocketAddress address(String listener) {
        List<InetSocketAddress> a = bound.get(listener);
        return a == null || a.isEmpty() ? null : a.get(0);
    }

    /** True while every listener is bound and open and no stop has begun. */
    public boolean healthy() {
        if (stopping) {
            return false;
        }
        for (Channel ch : serverChannels) {
            if (!ch.isActive()) {
                return false;
            }
        }
        return true;
    }

    public int openConnections() {
        return connections.size();
    }

    /**
     * Graceful stop: stop accepting, tell every session the server is going away (IMAP says BYE, POP3 closes
     * without applying deletions), wait up to {@code timeout} for them to close, then cut the rest.
     */
    public void stop(Duration timeout) {
        stopping = true;
        serverChannels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        for (Channel ch : connections) {
            ch.pipeline().fireUserEventTriggered(ServerShutdown.INSTANCE);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Channel ch : connections) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !ch.closeFuture().awaitUninterruptibly(left, TimeUnit.NANOSECONDS)) {
                break;
            }
        }
        if (!connections.isEmpty()) {
            log.info("closing {} connections that did not end in time", connections.size());
            connections.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }

    private final class Accept extends ChannelInitializer<Channel> {
        private final Listener listener;

        Accept(Listener listener) {
            this.listener = listener;
        }

        @Override
        protected void initChannel(Channel ch) {
            metrics.connectionAccepted(listener.protocol().id());
            ch.pipeline().addLast("traffic", new TrafficCounter(metrics, listener.protocol().id()));
            InetSocketAddress peer = (InetSocketAddress) ch.remoteAddress();
            if (Cidr.anyContains(trustedProxies, peer.getAddress())) {
                ch.pipeline().addLast("proxy-decoder", new HAProxyMessageDecoder());
                ch.pipeline().addLast("proxy-header", new ProxyHeaderHandler(proxyHeaderTimeout, this::setUp));
            } else {
                setUp(ch, peer);
            }
        }

        private void setUp(Channel ch, InetSocketAddress remote) {
            String protocol = listener.protocol().id();
            if (stopping) {
                ch.close();
                return;
            }
            String refused = limits.tryAcceptConnection(ch, remote.getAddress());
            if (refused != null) {
                metrics.connectionRejected(protocol, refused);
                log.info("refused {} connection from {}: {} connection limit reached", protocol, remote, refused);
                refuse(ch);
                return;
            }
            SessionInfo info = new SessionInfo(listener.protocol(), remote, (InetSocketAddress) ch.localAddress(),
                    listener.implicitTls());
            ch.attr(SessionInfo.KEY).set(info);
            String tlsTag = listener.implicitTls() ? "implicit" : "none";
            metrics.connectionsOpen(protocol, tlsTag, 1);
            connections.add(ch);
            ch.closeFuture().addListener(f -> {
                metrics.connectionsOpen(protocol, tlsTag, -1);
                sessions.info("session end id={} proto={} listener={} remote={} user={} tls={} duration={}ms",
                        info.id(), protocol, listener.name(), remote, info.user() == null ? "-" : info.user(),
                        info.tlsProtocol() == null ? "none" : info.tlsProtocol(),
                        Duration.between(info.started(), java.time.Instant.now()).toMillis());
            });
            sessions.debug("session start id={} proto={} listener={} remote={}", info.id(), protocol,
                    listener.name(), remote);
            if (listener.implicitTls()) {
                ch.pipeline().addLast(org.poststelle.tls.StartTls.HANDLER_NAME, tls.newHandler(ch.alloc()));
            }
            frontEnds.get(listener.protocol()).initChannel(ch, info);
        }

        /** A plain-text refusal the client can show; on implicit-TLS ports there is no way but to close. */
        private void refuse(Channel ch) {
            if (listener.implicitTls()) {
                ch.close();
                return;
            }
            String line = listener.protocol() == Protocol.IMAP
                    ? "* BYE [UNAVAILABLE] Too many connections, try again later\r\n"
                    : "-ERR [SYS/TEMP] Too many connections, try again later\r\n";
            ch.writeAndFlush(Unpooled.copiedBuffer(line, StandardCharsets.US_ASCII))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }
}
