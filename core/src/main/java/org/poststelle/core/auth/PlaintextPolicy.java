package org.poststelle.core.auth;

import java.net.InetAddress;
import java.util.List;
import org.poststelle.core.net.Cidr;

/**
 * Whether a connection may authenticate with a plaintext password (IMAP LOGIN, AUTHENTICATE PLAIN/LOGIN,
 * POP3 USER/PASS, AUTH PLAIN/LOGIN): always over TLS; without TLS only when {@code auth.plaintext_without_tls}
 * is set or the client is in {@code auth.trusted_networks}.
 */
public record PlaintextPolicy(boolean allowWithoutTls, List<Cidr> trustedNetworks) {
    public static final PlaintextPolicy TLS_ONLY = new PlaintextPolicy(false, List.of());

    public PlaintextPolicy {
        trustedNetworks = List.copyOf(trustedNetworks);
    }

    public boolean allows(InetAddress remote, boolean secure) {
        return secure || allowWithoutTls || Cidr.anyContains(trustedNetworks, remote);
    }
}
