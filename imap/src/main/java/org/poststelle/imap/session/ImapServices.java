package org.poststelle.imap.session;

import org.poststelle.core.net.FrontEndServices;
import org.poststelle.imap.ImapConfig;
import org.poststelle.store.MailStore;
import org.poststelle.tls.ServerTls;

/**
 * What every IMAP session shares, built once by the front-end.
 *
 * @param tls the server's TLS, or null when none is configured (no STARTTLS then)
 */
public record ImapServices(ImapConfig config, FrontEndServices shared, ServerTls tls, MailStore store,
        CommandTable commands) {
}
