package org.poststelle.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for the PROXY protocol header (v1 or v2, decoded by Netty's HAProxyMessageDecoder in front of it) on
 * a connection from a trusted proxy, then hands the real client address on and leaves the pipeline. A
 * connection that sends no valid header in time is closed: a trusted proxy always sends one.
 */
final class ProxyHeaderHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ProxyHeaderHandler.class);

    private final Duration timeout;
    private final BiConsumer<Channel, InetSocketAddress> setup;
    private ScheduledFuture<?> deadline;

    ProxyHeaderHandler(Duration timeout, BiConsumer<Channel, InetSocketAddress> setup) {
        this.timeout = timeout;
        this.setup = setup;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> {
            log.info("no PROXY header from {} within {}; closing", ctx.channel().remoteAddress(), timeout);
            ctx.close();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HAProxyMessage header)) {
            // bytes before a header can only mean the decoder gave up; never pass them on unattributed
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        try {
            deadline.cancel(false);
            InetSocketAddress real = (InetSocketAddress) ctx.channel().remoteAddress();
            if (header.command() == HAProxyCommand.PROXY && header.sourceAddress() != null) {
                real = new InetSocketAddress(literal(header.sourceAddress()), header.sourcePort());
            }
            ctx.pipeline().remove(this);
            setup.accept(ctx.channel(), real);
        } catch (UnknownHostException | RuntimeException e) {
            log.info("bad PROXY header from {}: {}", ctx.channel().remoteAddress(), e.toString());
            ctx.close();
        } finally {
            header.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.info("PROXY protocol error from {}: {}", ctx.channel().remoteAddress(), cause.getMessage());
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    /** The header carries a literal address; resolving it must never cause a DNS lookup. */
    private static InetAddress literal(String address) throws UnknownHostException {
        if (!address.matches("[0-9a-fA-F:.]+")) {
            throw new UnknownHostException("not an address literal");
        }
        return InetAddress.getByName(address);
    }
}
