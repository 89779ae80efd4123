package org.poststelle.imap.handler;

import org.poststelle.imap.command.Id;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** ID (RFC 2971): logs what the client says about itself, answers with the server's name. */
final class IdHandler implements CommandHandler<Id> {
    private static final Logger LOG = LoggerFactory.getLogger(IdHandler.class);

    @Override
    public Result handle(Id cmd, ImapSession s) {
        if (cmd.fields() != null && LOG.isDebugEnabled()) {
            LOG.debug("session {}: client ID {}", s.info().id(), cmd.fields());
        }
        s.out().write(w -> w.untagged().atom("ID").open().string("name").string("Poststelle")
                .string("vendor").string("Poststelle").close().end());
        return Result.ok("ID completed.");
    }
}
