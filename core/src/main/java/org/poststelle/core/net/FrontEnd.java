package org.poststelle.core.net;

import io.netty.channel.Channel;
import org.poststelle.core.auth.Protocol;

/**
 * A protocol front-end (IMAP, POP3) as the server's listeners see it. The server accepts the connection,
 * resolves the real client address (PROXY protocol), applies the connection limits, adds the TLS handler on
 * implicit-TLS listeners and stores a {@link SessionInfo}; then it calls {@link #initChannel}. The front-end
 * adds its codec and session handlers and sends its greeting once its handler is added to the (already
 * active) channel.
 */
public interface FrontEnd {
    Protocol protocol();

    void initChannel(Channel ch, SessionInfo session);
}
