package org.poststelle.bench.imap;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code imap-idle}: opens many connections that each LOGIN, SELECT INBOX and IDLE, holds them, then ends
 * IDLE and logs out. The server's memory is read on the server side ({@code imap-serve --report}), or, with
 * {@code --in-process}, in this JVM (server and clients together; the clients' share is measured
 * separately by running them against an external server).
 */
final class IdleFlood {
    private IdleFlood() {
    }

    static void run(String[] argv) throws Exception {
        ImapBench.quietLogging();
        Options o = new Options(argv, List.of("tls"));
        String host = o.string("host", "127.0.0.1");
        int port = o.integer("port", 11143);
        boolean tls = o.flag("tls");
        int connections = o.integer("connections", 10_000);
        List<String> users = Options.users(o.string("users", "user1..user200"));
        String password = o.string("password", "pass");
        Duration hold = o.duration("hold", Duration.ofSeconds(60));
        int parallel = o.integer("parallel", 200);
        SslContext ssl = tls ? SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE)
                .build() : null;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        AtomicInteger idling = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Semaphore inFlight = new Semaphore(parallel);
        List<Channel> channels = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
            for (int i = 0; i < connections; i++) {
                inFlight.acquire();
                String user = users.get(i % users.size());
                ChannelFuture f = b.handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), host, port));
                        }
                        ch.pipeline().addLast(new LineBasedFrameDecoder(64 * 1024),
                                new StringDecoder(StandardCharsets.UTF_8),
                                new IdleClient(user, password, idling, failed, inFlight));
                    }
                }).connect(host, port);
                f.addListener(done -> {
                    if (!done.isSuccess()) {
                        failed.incrementAndGet();
                        inFlight.release();
                    }
                });
                channels.add(f.channel());
            }
            inFlight.acquire(parallel);
            inFlight.release(parallel);
            System.out.printf(Locale.ROOT, "imap-idle: %d connections idling (%d failed) after %.1f s, %s; holding %ds%n",
                    idling.get(), failed.get(), (System.nanoTime() - t0) / 1e9, tls ? "TLS" : "plain",
                    hold.toSeconds());
            Thread.sleep(hold.toMillis());
            System.out.printf(Locale.ROOT, "still idling: %d%n", idling.get());
            for (Channel ch : channels) {
                if (ch.isActive()) {
                    ch.writeAndFlush(Unpooled.copiedBuffer("DONE\r\nZ LOGOUT\r\n", StandardCharsets.US_ASCII));
                }
            }
            for (Channel ch : channels) {
                ch.closeFuture().await(10, TimeUnit.SECONDS);
            }
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** LOGIN, SELECT INBOX, IDLE; counts the connection once "+ idling" arrives. */
    private static final class IdleClient extends SimpleChannelInboundHandler<String> {
        private final String user;
        private final String password;
        private final AtomicInteger idling;
        private final AtomicInteger failed;
        private final Semaphore inFlight;
        private int step;

        IdleClient(String user, String password, AtomicInteger idling, AtomicInteger failed, Semaphore inFlight) {
            this.user = user;
            this.password = password;
            this.idling = idling;
            this.failed = failed;
            this.inFlight = inFlight;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, String line) {
            if (step == 0 && line.startsWith("* OK")) {
                send(ctx, "A LOGIN " + user + " " + password);
                step = 1;
            } else if (step == 1 && line.startsWith("A ")) {
                if (!line.startsWith("A OK")) {
                    fail(ctx);
                    return;
                }
                send(ctx, "B SELECT INBOX");
                step = 2;
            } else if (step == 2 && line.startsWith("B ")) {
                send(ctx, "C IDLE");
                step = 3;
            } else if (step == 3 && line.startsWith("+")) {
                step = 4;
                idling.incrementAndGet();
                inFlight.release();
            } else if (step == 4 && line.startsWith("C ")) {
                idling.decrementAndGet();
                step = 5;
            }
        }

        private void fail(ChannelHandlerContext ctx) {
            failed.incrementAndGet();
            inFlight.release();
            ctx.close();
        }

        private static void send(ChannelHandlerContext ctx, String line) {
            ctx.writeAndFlush(Unpooled.copiedBuffer(line + "\r\n", StandardCharsets.US_ASCII));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (step < 4) {
                failed.incrementAndGet();
                inFlight.release();
            } else if (step == 4) {
                idling.decrementAndGet();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
