package org.poststelle.imap.handler;

import org.poststelle.imap.command.Store;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.MessageSet;
import org.poststelle.imap.session.Result;
import org.poststelle.imap.session.SelectedMailbox;
import org.poststelle.store.model.FlagUpdate;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.UidSet;

/**
 * STORE and UID STORE. The store's answer (the flags after the update) is applied to the view and reported
 * unless .SILENT; messages another session expunged are silently skipped.
 */
final class StoreHandler implements CommandHandler<Store> {
    @Override
    public Result handle(Store cmd, ImapSession s) throws BadCommandException {
        SelectedMailbox sel = s.selected();
        if (sel.readOnly()) {
            return Result.no("READ-ONLY", "Mailbox is read-only.");
        }
        MessageSet chosen = sel.resolve(cmd.set(), cmd.uid(), s.savedSearch());
        if (chosen.isEmpty()) {
            return Result.ok("STORE completed.");
        }
        UidSet uids = chosen.uids(sel.view());
        FlagUpdate update = sel.mailbox().updateFlags(uids, cmd.op(), Flags.parse(cmd.flags()), cmd.unchangedSince());
        sel.applyFlags(update, s.out());
        if (!cmd.silent()) {
            for (long uid : update.uids()) {
                int index = sel.view().indexOf(uid);
                if (index >= 0) {
                    sel.writeFlagsFetch(s.out(), s.extensions(), index, cmd.uid());
                }
            }
        }
        return Result.ok("STORE completed.");
    }
}
