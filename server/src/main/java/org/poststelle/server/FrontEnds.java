package org.poststelle.server;

import java.util.List;
import java.util.Map;
import org.poststelle.core.auth.Protocol;
import org.poststelle.core.net.FrontEnd;
import org.poststelle.core.net.FrontEndServices;
import org.poststelle.imap.ImapFrontEnd;
import org.poststelle.pop3.Pop3FrontEnd;
import org.poststelle.store.MailStore;
import org.poststelle.store.maildir.MaildirMailStore;
import org.poststelle.tls.TlsManager;

/** Builds the store and the protocol front-ends over it (one store, so both protocols share its change hints). */
final class FrontEnds {
    private FrontEnds() {
    }

    static void add(Map<Protocol, FrontEnd> out, Configuration config, FrontEndServices services, TlsManager tls,
            List<AutoCloseable> resources) {
        MailStore store = MaildirMailStore.open(config.store(), services.metrics());
        resources.add(store);
        out.put(Protocol.IMAP, new ImapFrontEnd(config.imap(), services, tls, store));
        out.put(Protocol.POP3, new Pop3FrontEnd(config.pop3(), services, tls, store));
    }
}
