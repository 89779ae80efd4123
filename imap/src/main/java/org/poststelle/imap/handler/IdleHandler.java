package org.poststelle.imap.handler;

import org.poststelle.imap.command.NoArgs;
import org.poststelle.imap.response.Continuation;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;

/**
 * IDLE (RFC 2177): changes are pushed as they happen (the session syncs on every change hint), an untagged
 * OK keeps NAT mappings alive, and the command ends with DONE. Autologout does not apply while idling.
 */
final class IdleHandler implements CommandHandler<NoArgs> {
    @Override
    public Result handle(NoArgs cmd, ImapSession s) {
        s.out().write(new Continuation("idling"));
        s.out().flush();
        s.startIdle(line -> s.complete(line.trim().equalsIgnoreCase("DONE")
                ? Result.ok("IDLE terminated.")
                : Result.bad("Expected DONE")));
        return Result.PENDING;
    }
}
