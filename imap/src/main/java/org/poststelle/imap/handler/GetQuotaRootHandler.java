package org.poststelle.imap.handler;

import java.util.List;
import org.poststelle.imap.command.GetQuotaRoot;
import org.poststelle.imap.response.QuotaResponse;
import org.poststelle.imap.response.QuotaRootResponse;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;

/** GETQUOTAROOT (RFC 9208): every mailbox belongs to the account's one root; a missing mailbox is NO. */
final class GetQuotaRootHandler implements CommandHandler<GetQuotaRoot> {
    @Override
    public Result handle(GetQuotaRoot cmd, ImapSession s) {
        s.mailboxes().status(cmd.mailbox()); // NO [NONEXISTENT] for a mailbox that does not exist
        s.out().write(new QuotaRootResponse(cmd.mailbox().name(), List.of(GetQuotaHandler.ACCOUNT_ROOT)));
        s.out().write(new QuotaResponse(GetQuotaHandler.ACCOUNT_ROOT, s.mailboxes().quota()));
        return Result.ok("GETQUOTAROOT completed.");
    }
}
