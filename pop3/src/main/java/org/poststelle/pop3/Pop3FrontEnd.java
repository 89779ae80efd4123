package org.poststelle.pop3;

import io.netty.channel.Channel;
import java.time.Clock;
import org.poststelle.core.auth.Protocol;
import org.poststelle.core.net.FrontEnd;
import org.poststelle.core.net.FrontEndServices;
import org.poststelle.core.net.SessionInfo;
import org.poststelle.pop3.session.Pop3Pipeline;
import org.poststelle.store.MailStore;
import org.poststelle.tls.ServerTls;

/**
 * The POP3 front-end (RFC 1939 with CAPA, STLS, SASL, RESP-CODES, PIPELINING, EXPIRE, LOGIN-DELAY, UTF8) over
 * the shared store: it sees each account's INBOX. One instance serves any number of listeners, plain and
 * implicit-TLS alike.
 */
public final class Pop3FrontEnd implements FrontEnd {
    private final Pop3Config config;
    private final FrontEndServices services;
    private final ServerTls tls;
    private final MailStore store;
    private final Clock clock;

    /** @param tlsOrNull certificates for STLS; null when TLS is not configured (STLS is then not offered) */
    public Pop3FrontEnd(Pop3Config config, FrontEndServices services, ServerTls tlsOrNull, MailStore store) {
        this(config, services, tlsOrNull, store, Clock.systemUTC());
    }

    /** @param clock time for retention expiry and LOGIN-DELAY (tests move it forward) */
    public Pop3FrontEnd(Pop3Config config, FrontEndServices services, ServerTls tlsOrNull, MailStore store,
            Clock clock) {
        this.config = config;
        this.services = services;
        this.tls = tlsOrNull;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Protocol protocol() {
        return Protocol.POP3;
    }

    @Override
    public void initChannel(Channel ch, SessionInfo session) {
        Pop3Pipeline.install(ch, config, services, tls, store, clock);
    }

    public Pop3Config config() {
        return config;
    }
}
