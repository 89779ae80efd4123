package org.poststelle.imap.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.compression.JdkZlibEncoder;
import io.netty.handler.codec.compression.ZlibWrapper;

/**
 * COMPRESS=DEFLATE (RFC 4978) as a pipeline change: raw deflate (RFC 1951, no zlib header) in both
 * directions, between TLS and the IMAP decoder, so TLS carries compressed bytes.
 *
 * <p>The tagged OK must leave uncompressed and everything after it compressed. Output already queued in the
 * pipeline (the end of a chunked FETCH body) is still ahead of the OK, so the switch is not made when the OK
 * is written but when it passes a small handler just above TLS: that handler lets the OK through as it is,
 * installs the inflater and the deflater behind it and removes itself. The client sends compressed data
 * only after it has read the OK, so the inflater is in place before the first compressed byte arrives.
 *
 * <p>The deflater ends every write with a sync flush, so each response (an IDLE push, a keepalive) reaches
 * the client at once. The inflater ({@link Inflate}) follows the session's flow control, so a little
 * compressed input cannot flood the decoder.
 */
public final class Deflate {
    static final String SWITCH = "deflate-switch";
    static final String INFLATER = "inflater";
    static final String DEFLATER = "deflater";
    private static final String DECODER = "decoder";

    private Deflate() {
    }

    /** Whether compression is on (or about to be) on this connection. */
    public static boolean isActive(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        return p.get(SWITCH) != null || p.get(DEFLATER) != null;
    }

    /** Sends {@code ok} uncompressed, then compresses everything after it in both directions. */
    static void start(Channel ch, ByteBuf ok) {
        ch.eventLoop().execute(() -> {
            if (isActive(ch) || ch.pipeline().get(DECODER) == null) {
                ok.release();
                ch.close();
                return;
            }
            ch.pipeline().addBefore(DECODER, SWITCH, new SwitchAfter(ok));
            ch.writeAndFlush(ok);
        });
    }

    /** Passes writes on unchanged until {@code ok} has passed, then puts the codec in its place. */
    private static final class SwitchAfter extends ChannelOutboundHandlerAdapter {
        private final Object ok;

        SwitchAfter(Object ok) {
            this.ok = ok;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            boolean last = msg == ok;
            ctx.write(msg, promise);
            if (last) {
                ChannelPipeline p = ctx.pipeline();
                p.addBefore(DECODER, INFLATER, new Inflate());
                p.addBefore(DECODER, DEFLATER, new JdkZlibEncoder(ZlibWrapper.NONE));
                p.remove(this);
            }
        }
    }
}
