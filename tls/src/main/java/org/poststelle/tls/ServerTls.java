package org.poststelle.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandler;

/**
 * The server side of TLS for every listener: implicit TLS (993/995) puts {@link #newHandler} first in a new
 * pipeline, STARTTLS/STLS goes through {@link StartTls}. Certificates are chosen by SNI and may be reloaded
 * at any time; a handler always uses the certificates current when it was created.
 */
public interface ServerTls {

    /** A handler (SslHandler or SNI-selecting handler) for a new TLS connection. */
    ChannelHandler newHandler(ByteBufAllocator alloc);

    /** "OpenSSL" (BoringSSL via netty-tcnative) or "JDK". */
    String provider();
}
