package org.poststelle.core.net;

import io.netty.util.concurrent.EventExecutorGroup;
import java.util.List;
import org.poststelle.core.auth.Authenticator;
import org.poststelle.core.auth.PlaintextPolicy;
import org.poststelle.core.auth.sasl.SaslMechanism;
import org.poststelle.core.metrics.Metrics;

/**
 * What both front-ends share, built once by the server.
 *
 * @param authenticator checks passwords (async)
 * @param saslMechanisms mechanisms offered (PLAIN, LOGIN)
 * @param plaintext when plaintext authentication is allowed
 * @param metrics the one metrics scheme
 * @param limits connection limits (per user is checked by the front-ends after login)
 * @param sessionExecutors runs session code off the event loop, one thread per channel at a time
 * @param hostname the server name used in greetings
 */
public record FrontEndServices(Authenticator authenticator, List<SaslMechanism> saslMechanisms,
        PlaintextPolicy plaintext, Metrics metrics, ConnectionLimits limits, EventExecutorGroup sessionExecutors,
        String hostname) {
}
