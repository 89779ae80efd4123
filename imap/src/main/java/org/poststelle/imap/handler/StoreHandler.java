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
 * STORE and UID STORE, with UNCHANGEDSINCE (RFC 7162). The store's answer (the flags after the update) is
 * applied to the view and reported unless .SILENT (under CONDSTORE with UID and MODSEQ); messages another
 * session expunged are silently skipped; messages changed since UNCHANGEDSINCE are left alone and listed in
 * {@code OK [MODIFIED set]}.
 */
final class StoreHandler implements CommandHandler<Store> {
    @Override
    public Result handle(Store cmd, ImapSession s) throws BadCommandException {
        SelectedMailbox sel = s.selected();
        if (sel.readOnly()) {
            return Result.no("READ-ONLY", "Mailbox is read-only.");
        }
        if (cmd.unchangedSince() >= 0) {
            s.enableCondstore();
        }
        MessageSet chosen = sel.resolve(cmd.set(), cmd.uid(), s.savedSearch());
        if (chosen.isEmpty()) {
            return Result.ok("STORE completed.");
        }
        UidSet uids = chosen.uids(sel.view());
        FlagUpdate update = sel.mailbox().updateFlags(uids, cmd.op(), Flags.parse(cmd.flags()), cmd.unchangedSince());
        sel.applyFlags(update, s.out());
        boolean condstore = s.extensions().condstore();
        if (!cmd.silent() || condstore) {
            // .SILENT under CONDSTORE still tells the new MODSEQ (RFC 7162 section 3.1.3)
            for (long uid : update.uids()) {
                int index = sel.view().indexOf(uid);
                if (index >= 0) {
                    sel.writeChangeFetch(s.out(), index, cmd.uid(), !cmd.silent());
                }
            }
        }
        UidSet failed = update.failedUnchangedSince();
        UidSet modified = failed == null ? UidSet.empty() : modified(sel, failed, cmd.uid());
        if (!modified.isEmpty()) {
            return Result.ok("MODIFIED " + modified, "Conditional STORE failed");
        }
        return Result.ok("STORE completed.");
    }

    /** The messages UNCHANGEDSINCE kept from changing, as UIDs (UID STORE) or sequence numbers (STORE). */
    private static UidSet modified(SelectedMailbox sel, UidSet failed, boolean uid) {
        if (uid) {
            return failed;
        }
        UidSet.Builder numbers = new UidSet.Builder();
        failed.forEachUid(u -> {
            int index = sel.view().indexOf(u);
            if (index >= 0) {
                numbers.add(index + 1);
            }
        });
        return numbers.build();
    }
}
