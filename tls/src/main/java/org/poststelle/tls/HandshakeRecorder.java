package org.poststelle.tls;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import javax.net.ssl.SSLSession;
import org.poststelle.core.net.SessionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the negotiated protocol in the connection's {@link SessionInfo} when the handshake completes,
 * whether TLS started with the connection or after STARTTLS. A listener on the handler's own handshake
 * future rather than a pipeline handler: it needs no position in the pipeline and survives the SNI handler
 * replacing itself.
 */
final class HandshakeRecorder {
    private static final Logger log = LoggerFactory.getLogger(HandshakeRecorder.class);

    private HandshakeRecorder() {
    }

    static SslHandler attach(SslHandler handler, String sniName) {
        handler.handshakeFuture().addListener(f -> {
            Channel ch = f.isSuccess() ? (Channel) f.getNow() : null;
            if (ch != null) {
                SSLSession session = handler.engine().getSession();
                SessionInfo info = SessionInfo.of(ch);
                if (info != null) {
                    info.tlsProtocol(session.getProtocol());
                }
                log.debug("TLS handshake with {}: {} {}{}", ch.remoteAddress(), session.getProtocol(),
                        session.getCipherSuite(), sniName == null ? "" : " SNI " + sniName);
            } else {
                log.debug("TLS handshake failed: {}", f.cause() == null ? "cancelled" : f.cause().toString());
            }
        });
        return handler;
    }
}
