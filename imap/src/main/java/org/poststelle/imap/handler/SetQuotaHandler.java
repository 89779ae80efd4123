package org.poststelle.imap.handler;

import org.poststelle.imap.command.SetQuota;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;

/** SETQUOTA (RFC 9208): quotas are the administrator's (passwd-file, {@code poststelle user}), never a user's. */
final class SetQuotaHandler implements CommandHandler<SetQuota> {
    @Override
    public Result handle(SetQuota cmd, ImapSession s) {
        return Result.no("NOPERM", "Quotas can only be changed by the administrator");
    }
}
