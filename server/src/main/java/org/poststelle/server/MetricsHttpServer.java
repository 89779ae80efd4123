package org.poststelle.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus scrape endpoint ({@code /metrics}) and health check ({@code /health}: 200 while every mail
 * listener is up, 503 otherwise), on their own port so they can stay off the public interface.
 */
final class MetricsHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MetricsHttpServer.class);

    private final PrometheusMeterRegistry registry;
    private final BooleanSupplier healthy;
    private final Executor scrapeExecutor;
    private Channel channel;

    MetricsHttpServer(PrometheusMeterRegistry registry, BooleanSupplier healthy, Executor scrapeExecutor) {
        this.registry = registry;
        this.healthy = healthy;
        this.scrapeExecutor = scrapeExecutor;
    }

    void start(EventLoopGroup group, Transport transport, String address, int port) throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new ReadTimeoutHandler(30))
                                .addLast(new HttpServerCodec(4096, 8192, 8192))
                                .addLast(new HttpObjectAggregator(8192))
                                .addLast(new Handler());
                    }
                });
        channel = b.bind(address, port).sync().channel();
        InetSocketAddress a = address();
        log.info("metrics and health on http://{}:{}/metrics and /health", a.getHostString(), a.getPort());
    }

    InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            String path = req.uri();
            int q = path.indexOf('?');
            if (q >= 0) {
                path = path.substring(0, q);
            }
            if (!req.method().equals(HttpMethod.GET) && !req.method().equals(HttpMethod.HEAD)) {
                send(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain", "GET only\n", keepAlive);
            } else if (path.equals("/metrics")) {
                // scraping walks every meter; keep it off the event loop
                scrapeExecutor.execute(() -> send(ctx, HttpResponseStatus.OK,
                        "text/plain; version=0.0.4; charset=utf-8", registry.scrape(), keepAlive));
            } else if (path.equals("/health")) {
                boolean ok = healthy.getAsBoolean();
                send(ctx, ok ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, "text/plain",
                        ok ? "ok\n" : "unavailable\n", keepAlive);
            } else {
                send(ctx, HttpResponseStatus.NOT_FOUND, "text/plain", "not found; try /metrics or /health\n",
                        keepAlive);
            }
        }

        private void send(ChannelHandlerContext ctx, HttpResponseStatus status, String type, String body,
                boolean keepAlive) {
            ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
            HttpUtil.setContentLength(res, content.readableBytes());
            HttpUtil.setKeepAlive(res, keepAlive);
            var f = ctx.writeAndFlush(res);
            if (!keepAlive) {
                f.addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
