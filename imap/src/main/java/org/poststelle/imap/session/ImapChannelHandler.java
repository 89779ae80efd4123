package org.poststelle.imap.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.poststelle.core.net.ServerShutdown;
import org.poststelle.core.net.SessionInfo;
import org.poststelle.imap.protocol.DecodedFrame;
import org.poststelle.imap.protocol.FlowControl;
import org.poststelle.imap.response.CapabilityResponse;
import org.poststelle.imap.response.UntaggedStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's place in the pipeline: added with the server's session executor group, so every callback
 * (frames, writability, timeouts, shutdown) runs on the one thread that owns the session.
 */
public final class ImapChannelHandler extends ChannelInboundHandlerAdapter {
    public static final String AUTOLOGOUT = "autologout";
    private static final Logger LOG = LoggerFactory.getLogger(ImapChannelHandler.class);

    private final ImapServices services;
    private final FlowControl flow;
    private ImapSession session;

    public ImapChannelHandler(ImapServices services, FlowControl flow) {
        this.services = services;
        this.flow = flow;
    }

    /** Sets the inactivity timeout ({@link IdleStateHandler} named {@value #AUTOLOGOUT}). */
    public static IdleStateHandler autologout(Duration d) {
        return new IdleStateHandler(d.toMillis(), 0, 0, TimeUnit.MILLISECONDS);
    }

    static void setAutologout(Channel ch, Duration d) {
        ch.eventLoop().execute(() -> {
            if (ch.pipeline().get(AUTOLOGOUT) != null) {
                ch.pipeline().replace(AUTOLOGOUT, AUTOLOGOUT, autologout(d));
            }
        });
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        SessionInfo info = SessionInfo.of(ctx.channel());
        session = new ImapSession(ctx, services, info, flow);
        if (ctx.channel().isActive()) {
            greet();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (session != null && !greeted) {
            greet();
        }
        super.channelActive(ctx);
    }

    private boolean greeted;

    private void greet() {
        greeted = true;
        CapabilityResponse caps = new CapabilityResponse(session.capabilities());
        session.out().write(UntaggedStatus.ok("CAPABILITY " + String.join(" ", caps.capabilities()),
                "Poststelle ready."));
        session.out().flush();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DecodedFrame frame) {
            session.onFrame(frame);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        session.onWritabilityChanged();
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            session.onReaderIdle();
        } else if (evt == ServerShutdown.INSTANCE) {
            session.onShutdown();
        } else if (evt instanceof SslHandshakeCompletionEvent hs) {
            if (hs.isSuccess()) {
                SslHandler ssl = ctx.pipeline().get(SslHandler.class);
                session.onTlsHandshake(ssl == null ? "TLS" : ssl.engine().getSession().getProtocol());
            } else {
                ctx.close();
            }
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (session != null) {
            session.closed();
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause instanceof io.netty.handler.codec.DecoderException) {
            // the client's doing: resets, refused TLS handshakes (old protocol versions), bad compressed data
            LOG.debug("connection error: {}", cause.toString());
        } else {
            LOG.warn("session failed: {}", cause.toString(), cause);
        }
        ctx.close();
    }
}
