package org.poststelle.pop3.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.poststelle.core.metrics.Metrics;
import org.poststelle.core.net.FrontEndServices;
import org.poststelle.pop3.Pop3Config;
import org.poststelle.pop3.protocol.Pop3RequestDecoder;
import org.poststelle.pop3.protocol.Pop3ResponseEncoder;
import org.poststelle.store.MailStore;
import org.poststelle.tls.ServerTls;

/**
 * The POP3 handlers of a channel, after whatever the server put first (implicit TLS, PROXY protocol):
 * <pre>
 * idle → bytes → decoder → chunked writer → encoder → (session executor) session
 * </pre>
 * STLS later puts TLS in front of all of them.
 */
public final class Pop3Pipeline {
    static final String IDLE = "pop3-idle";

    private Pop3Pipeline() {
    }

    // Netty 4.2 deprecates executor groups per handler, but it is still the way to keep blocking store
    // calls off the event loop with one-thread-per-channel ordering (see the architecture, Part B)
    @SuppressWarnings("deprecation")
    public static void install(Channel ch, Pop3Config config, FrontEndServices services, ServerTls tls,
            MailStore store, Clock clock) {
        ChannelPipeline p = ch.pipeline();
        Pop3RequestDecoder decoder = new Pop3RequestDecoder(config.maxLineLength(), config.maxPipelinedCommands());
        p.addLast(IDLE, idleHandler(config.loginTimeout()));
        p.addLast("pop3-bytes", new ByteCounter(services.metrics()));
        p.addLast("pop3-decoder", decoder);
        p.addLast("pop3-chunked", new ChunkedWriteHandler());
        p.addLast("pop3-encoder", Pop3ResponseEncoder.INSTANCE);
        p.addLast(services.sessionExecutors(), "pop3-session",
                new Pop3Session(config, services, tls, store, clock, decoder, IDLE));
    }

    /** Fires when neither a byte arrived nor output made progress for {@code timeout}: a slow RETR is not idle. */
    static IdleStateHandler idleHandler(Duration timeout) {
        return new IdleStateHandler(true, 0, 0, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Counts plaintext bytes in and out for the metrics (TLS, when added, sits in front of it). */
    @ChannelHandler.Sharable
    static final class ByteCounter extends ChannelDuplexHandler {
        private final Metrics metrics;

        ByteCounter(Metrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof ByteBuf b) {
                metrics.bytesIn(Pop3Session.PROTOCOL, b.readableBytes());
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof ByteBuf b) {
                metrics.bytesOut(Pop3Session.PROTOCOL, b.readableBytes());
            } else if (msg instanceof ByteBufHolder h) {
                metrics.bytesOut(Pop3Session.PROTOCOL, h.content().readableBytes());
            }
            super.write(ctx, msg, promise);
        }
    }
}
