package org.poststelle.pop3.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.poststelle.core.net.FrontEndServices;
import org.poststelle.pop3.Pop3Config;
import org.poststelle.pop3.protocol.Pop3RequestDecoder;
import org.poststelle.pop3.protocol.Pop3ResponseEncoder;
import org.poststelle.store.MailStore;
import org.poststelle.tls.ServerTls;

/**
 * The POP3 handlers of a channel, after whatever the server put first (implicit TLS, PROXY protocol):
 * <pre>
 * idle → decoder → chunked writer → encoder → (session executor) session
 * </pre>
 * STLS later puts TLS in front of all of them. Bytes in and out are counted by the server, on the wire.
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
        // RETR streams 64 KiB chunks: room for several before the channel counts as unwritable means fewer
        // wake-ups and larger writes per syscall (Netty's default high mark is a single chunk)
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(128 * 1024, 512 * 1024));
        ChannelPipeline p = ch.pipeline();
        Pop3RequestDecoder decoder = new Pop3RequestDecoder(config.maxLineLength(), config.maxPipelinedCommands());
        p.addLast(IDLE, idleHandler(config.loginTimeout()));
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
}
