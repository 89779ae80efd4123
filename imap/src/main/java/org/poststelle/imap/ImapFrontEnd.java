package org.poststelle.imap;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.stream.ChunkedWriteHandler;
import org.poststelle.core.auth.Protocol;
import org.poststelle.core.net.FrontEnd;
import org.poststelle.core.net.FrontEndServices;
import org.poststelle.core.net.SessionInfo;
import org.poststelle.imap.handler.ImapCommands;
import org.poststelle.imap.protocol.FlowControl;
import org.poststelle.imap.protocol.ImapFrameDecoder;
import org.poststelle.imap.session.ImapChannelHandler;
import org.poststelle.imap.session.ImapServices;
import org.poststelle.store.MailStore;
import org.poststelle.tls.ServerTls;

/**
 * The IMAP front-end: the pipeline behind an IMAP or IMAPS listener.
 *
 * <pre>
 * [tls, added by the server on IMAPS or by STARTTLS] autologout (IdleStateHandler) decoder (ImapFrameDecoder)
 * chunked (ChunkedWriteHandler) | session executor: session (ImapChannelHandler)
 * </pre>
 *
 * Responses are encoded on the session thread, so the event loop only frames input and moves bytes.
 */
public final class ImapFrontEnd implements FrontEnd {
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 << 10, 256 << 10);

    private final ImapServices services;
    private final FrontEndServices shared;

    /** @param tls the server's TLS, or null when none is configured (STARTTLS is then not offered) */
    public ImapFrontEnd(ImapConfig config, FrontEndServices services, ServerTls tls, MailStore store) {
        this.shared = services;
        long storeLimit = store.maxMessageSize();
        ImapConfig effective = storeLimit > 0 && storeLimit < config.appendLimit()
                ? config.withAppendLimit(storeLimit) : config;
        this.services = new ImapServices(effective, services, tls, store, ImapCommands.table(store.searchCacheSize()));
    }

    @Override
    public Protocol protocol() {
        return Protocol.IMAP;
    }

    @Override
    public void initChannel(Channel ch, SessionInfo session) {
        ch.config().setWriteBufferWaterMark(WATER_MARK);
        FlowControl flow = new FlowControl();
        ChannelPipeline p = ch.pipeline();
        p.addLast(ImapChannelHandler.AUTOLOGOUT,
                ImapChannelHandler.autologout(services.config().autologoutBeforeLogin()));
        p.addLast("decoder", new ImapFrameDecoder(services.config(), flow));
        p.addLast("chunked", new ChunkedWriteHandler());
        p.addLast(shared.sessionExecutors(), "session", new ImapChannelHandler(services, flow));
    }
}
