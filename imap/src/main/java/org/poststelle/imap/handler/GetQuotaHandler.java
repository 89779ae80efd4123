package org.poststelle.imap.handler;

import org.poststelle.imap.command.GetQuota;
import org.poststelle.imap.response.QuotaResponse;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;

/**
 * GETQUOTA (RFC 9208). An account has one quota root, named {@value #ACCOUNT_ROOT} (the empty string, as in the
 * RFC's examples), holding every mailbox of the account; its limits come from the account's policy.
 */
final class GetQuotaHandler implements CommandHandler<GetQuota> {
    static final String ACCOUNT_ROOT = "";

    @Override
    public Result handle(GetQuota cmd, ImapSession s) {
        if (!cmd.root().equals(ACCOUNT_ROOT)) {
            return Result.no("NONEXISTENT", "No such quota root");
        }
        s.out().write(new QuotaResponse(ACCOUNT_ROOT, s.mailboxes().quota()));
        return Result.ok("GETQUOTA completed.");
    }
}
