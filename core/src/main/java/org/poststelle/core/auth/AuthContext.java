package org.poststelle.core.auth;

import java.net.InetAddress;

/**
 * Where a login attempt comes from; used for policy (protocol, TLS), brute-force defence (remote address)
 * and metrics (mechanism).
 *
 * @param protocol the protocol the client is logging in with
 * @param remote the real client address (after the PROXY protocol, if any)
 * @param secure whether the connection is TLS-protected
 * @param mechanism "USER", "LOGIN" (IMAP command), "PLAIN", "SASL-LOGIN", "APOP"...
 */
public record AuthContext(Protocol protocol, InetAddress remote, boolean secure, String mechanism) {
}
