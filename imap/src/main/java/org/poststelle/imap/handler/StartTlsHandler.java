package org.poststelle.imap.handler;

import org.poststelle.imap.command.NoArgs;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;

/**
 * STARTTLS. The decoder already dropped anything pipelined behind the command and stopped reading; the
 * dispatcher then installs TLS behind the OK ({@link Result.After#START_TLS}) or resumes reading.
 */
final class StartTlsHandler implements CommandHandler<NoArgs> {
    @Override
    public Result handle(NoArgs cmd, ImapSession s) {
        if (s.services().tls() == null) {
            return Result.no("TLS is not configured on this server");
        }
        if (s.secure()) {
            return Result.bad("TLS is already active");
        }
        return Result.ok("Begin TLS negotiation now.").then(Result.After.START_TLS);
    }
}
