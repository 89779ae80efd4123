package org.poststelle.imap.handler;

import org.poststelle.imap.command.NoArgs;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;

/** NAMESPACE (RFC 2342): one personal namespace with "/" as delimiter, no other users' or shared ones. */
final class NamespaceHandler implements CommandHandler<NoArgs> {
    @Override
    public Result handle(NoArgs cmd, ImapSession s) {
        s.out().write(w -> w.untagged().atom("NAMESPACE").open().open().string("").string("/").close().close()
                .nil().nil().end());
        return Result.ok("NAMESPACE completed.");
    }
}
