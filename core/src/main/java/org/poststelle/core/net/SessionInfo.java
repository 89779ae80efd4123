package org.poststelle.core.net;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.poststelle.core.auth.Protocol;

/**
 * What the server knows about one connection, for logs, limits and the brute-force defence. Stored on the
 * channel under {@link #KEY} before the protocol handlers are added. The remote address is the real client
 * behind a trusted proxy (PROXY protocol), not the proxy.
 */
public final class SessionInfo {
    public static final AttributeKey<SessionInfo> KEY = AttributeKey.valueOf("poststelle.session");

    private final String id;
    private final Protocol protocol;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final boolean implicitTls;
    private final Instant started = Instant.now();
    private volatile String user;
    private volatile String tlsProtocol;

    public SessionInfo(Protocol protocol, InetSocketAddress remote, InetSocketAddress local, boolean implicitTls) {
        this.id = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
        this.protocol = protocol;
        this.remote = remote;
        this.local = local;
        this.implicitTls = implicitTls;
    }

    public static SessionInfo of(Channel ch) {
        return ch.attr(KEY).get();
    }

    public String id() {
        return id;
    }

    public Protocol protocol() {
        return protocol;
    }

    public InetSocketAddress remote() {
        return remote;
    }

    public InetAddress remoteAddress() {
        return remote.getAddress();
    }

    public InetSocketAddress local() {
        return local;
    }

    /** True for the 993/995-style listeners where TLS starts before the greeting. */
    public boolean implicitTls() {
        return implicitTls;
    }

    public Instant started() {
        return started;
    }

    /** The authenticated user, or null before login. */
    public String user() {
        return user;
    }

    public void user(String user) {
        this.user = user;
    }

    /** "TLSv1.3" etc. once a handshake completed (implicit or STARTTLS), else null. */
    public String tlsProtocol() {
        return tlsProtocol;
    }

    public void tlsProtocol(String tlsProtocol) {
        this.tlsProtocol = tlsProtocol;
    }

    /** "implicit", "starttls" or "none": the tag the metrics use. */
    public String tlsMode() {
        return implicitTls ? "implicit" : tlsProtocol != null ? "starttls" : "none";
    }
}
