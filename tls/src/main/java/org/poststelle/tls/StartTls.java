package org.poststelle.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one STARTTLS helper for IMAP STARTTLS and POP3 STLS.
 *
 * <p>It defends against the STARTTLS command-injection flaw (CVE-2011-0411): anything a client pipelines
 * after the STARTTLS command in clear text must never be executed, not even after the handshake. The
 * protocol decoder calls {@link #hold} as soon as it has framed a STARTTLS/STLS line: the bytes already
 * buffered behind it are dropped and reading stops. The session then either {@link #upgrade}s (the OK
 * leaves in clear, TLS is installed before another byte is read) or {@link #refuse}s (reading resumes).
 *
 * <p>While holding, a small handler in front of the decoder drops whatever still arrives (a read already
 * under way when reading was switched off), so a decoder that forgets to check {@link #holding} is safe
 * too.
 */
public final class StartTls {
    private static final Logger log = LoggerFactory.getLogger(StartTls.class);
    private static final AttributeKey<Boolean> HOLDING = AttributeKey.valueOf("poststelle.starttls.holding");
    public static final String HANDLER_NAME = "tls";
    static final String DISCARD_NAME = "starttls-discard";

    private StartTls() {
    }

    /**
     * Called by a decoder right after framing STARTTLS/STLS on a plain connection: drops whatever follows in
     * {@code in} and stops reading until {@link #upgrade} or {@link #refuse}.
     */
    public static void hold(ChannelHandlerContext ctx, ByteBuf in) {
        in.skipBytes(in.readableBytes());
        Channel ch = ctx.channel();
        ch.attr(HOLDING).set(Boolean.TRUE);
        ch.config().setAutoRead(false);
        ChannelPipeline p = ch.pipeline();
        if (p.get(DISCARD_NAME) == null && p.context(ctx.handler()) != null) {
            // Right in front of the decoder: behind an SslHandler if TLS already runs (dropping encrypted
            // records would break the TLS stream), and removed again before TLS is installed.
            p.addBefore(ctx.name(), DISCARD_NAME, new DiscardWhileHolding());
        }
    }

    /**
     * Whether the decoder must drop incoming bytes because a STARTTLS is pending (a read already under way
     * when reading was switched off can still deliver bytes).
     */
    public static boolean holding(Channel ch) {
        return Boolean.TRUE.equals(ch.attr(HOLDING).get());
    }

    /** Whether the channel already runs TLS. */
    public static boolean isActive(Channel ch) {
        return ch.pipeline().get(SslHandler.class) != null || ch.pipeline().get(HANDLER_NAME) != null;
    }

    /**
     * Sends {@code okResponse} in clear and, once it has been handed to the socket, installs TLS at the front
     * of the pipeline and resumes reading. Reading stays off in between, so the first byte read after the OK
     * goes through TLS; waiting for the write (rather than relying on the order of handlers) also keeps the
     * OK in clear when it passes a handler that runs on another executor.
     */
    public static void upgrade(Channel ch, ServerTls tls, Object okResponse) {
        onEventLoop(ch, () -> {
            ch.config().setAutoRead(false);
            if (isActive(ch)) {
                log.warn("STARTTLS upgrade on a connection that already runs TLS; closing it");
                ReferenceCountUtil.release(okResponse);
                ch.close();
                return;
            }
            ch.writeAndFlush(okResponse).addListener((ChannelFutureListener) f -> {
                if (!f.isSuccess()) {
                    ch.close();
                    return;
                }
                ChannelPipeline p = ch.pipeline();
                p.addFirst(HANDLER_NAME, tls.newHandler(ch.alloc()));
                if (p.get(DISCARD_NAME) != null) {
                    p.remove(DISCARD_NAME);
                }
                resumeReading(ch);
            });
        });
    }

    /** The STARTTLS was refused (already TLS, not configured): resume reading in clear. */
    public static void refuse(Channel ch) {
        onEventLoop(ch, () -> {
            if (ch.pipeline().get(DISCARD_NAME) != null) {
                ch.pipeline().remove(DISCARD_NAME);
            }
            resumeReading(ch);
        });
    }

    private static void resumeReading(Channel ch) {
        ch.attr(HOLDING).set(null);
        ch.config().setAutoRead(true);
        ch.read();
    }

    private static void onEventLoop(Channel ch, Runnable task) {
        if (ch.eventLoop().inEventLoop()) {
            task.run();
        } else {
            ch.eventLoop().execute(task);
        }
    }

    /** Drops everything that still arrives for the decoder while a STARTTLS is pending. */
    private static final class DiscardWhileHolding extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }
    }
}
