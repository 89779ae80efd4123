package org.poststelle.imap.handler;

import org.poststelle.imap.command.NoArgs;
import org.poststelle.imap.response.CapabilityResponse;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;

/** CAPABILITY: what this connection offers now (it changes with login and TLS). */
final class CapabilityHandler implements CommandHandler<NoArgs> {
    @Override
    public Result handle(NoArgs command, ImapSession s) {
        s.out().write(new CapabilityResponse(s.capabilities()));
        return Result.ok("Capability completed.");
    }
}
