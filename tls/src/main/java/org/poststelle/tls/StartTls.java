package org.poststelle.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;

/**
 * The one STARTTLS helper for IMAP STARTTLS and POP3 STLS.
 *
 * <p>It defends against the STARTTLS command-injection flaw (CVE-2011-0411): anything a client pipelines
 * after the STARTTLS command in clear text must never be executed, not even after the handshake. The
 * protocol decoder calls {@link #hold} as soon as it has framed a STARTTLS/STLS line: the bytes already
 * buffered behind it are dropped and reading stops. The session then either {@link #upgrade}s (the OK
 * leaves in clear, TLS is installed before another byte is read) or {@link #refuse}s (reading resumes).
 */
public final class StartTls {
    private static final AttributeKey<Boolean> HOLDING = AttributeKey.valueOf("poststelle.starttls.holding");
    public static final String HANDLER_NAME = "tls";

    private StartTls() {
    }

    /**
     * Called by a decoder right after framing STARTTLS/STLS on a plain connection: drops whatever follows in
     * {@code in} and stops reading until {@link #upgrade} or {@link #refuse}.
     */
    public static void hold(ChannelHandlerContext ctx, ByteBuf in) {
        in.skipBytes(in.readableBytes());
        ctx.channel().attr(HOLDING).set(Boolean.TRUE);
        ctx.channel().config().setAutoRead(false);
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
     * Sends {@code okResponse} in clear, then installs TLS at the front of the pipeline and resumes reading,
     * all on the event loop so that no byte is read in between.
     */
    public static void upgrade(Channel ch, ServerTls tls, Object okResponse) {
        ch.eventLoop().execute(() -> {
            ch.writeAndFlush(okResponse);
            ch.pipeline().addFirst(HANDLER_NAME, tls.newHandler(ch.alloc()));
            ch.attr(HOLDING).set(null);
            ch.config().setAutoRead(true);
            ch.read();
        });
    }

    /** The STARTTLS was refused (already TLS, not configured): resume reading in clear. */
    public static void refuse(Channel ch) {
        ch.eventLoop().execute(() -> {
            ch.attr(HOLDING).set(null);
            ch.config().setAutoRead(true);
            ch.read();
        });
    }
}
