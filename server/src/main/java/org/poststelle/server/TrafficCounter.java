package org.poststelle.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import org.poststelle.core.metrics.Metrics;

/** Counts the bytes a listener's connections read and write (on the wire, so TLS overhead included). */
@Sharable
final class TrafficCounter extends ChannelDuplexHandler {
    private final Metrics metrics;
    private final String protocol;

    TrafficCounter(Metrics metrics, String protocol) {
        this.metrics = metrics;
        this.protocol = protocol;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        long n = size(msg);
        if (n > 0) {
            metrics.bytesIn(protocol, n);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        long n = size(msg);
        if (n > 0) {
            metrics.bytesOut(protocol, n);
        }
        ctx.write(msg, promise);
    }

    private static long size(Object msg) {
        if (msg instanceof ByteBuf b) {
            return b.readableBytes();
        }
        if (msg instanceof ByteBufHolder h) {
            return h.content().readableBytes();
        }
        if (msg instanceof FileRegion r) {
            return r.count();
        }
        return 0;
    }
}
