package org.poststelle.imap.fetch;

import org.poststelle.imap.command.Fetch;
import org.poststelle.imap.command.FetchItem;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.MessageSet;
import org.poststelle.imap.session.Result;
import org.poststelle.imap.session.SelectedMailbox;
import org.poststelle.store.model.FlagOp;
import org.poststelle.store.model.FlagUpdate;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.UidSet;

/**
 * FETCH and UID FETCH. Sets \Seen first for non-PEEK body fetches (one store call for the whole set), then
 * streams one FETCH response per message at the pace the client reads ({@link FetchPump}).
 */
public final class FetchHandler implements CommandHandler<Fetch> {
    @Override
    public Result handle(Fetch cmd, ImapSession s) throws BadCommandException {
        SelectedMailbox sel = s.selected();
        if (cmd.vanished() && !s.extensions().qresync()) {
            return Result.bad("VANISHED needs ENABLE QRESYNC first");
        }
        MessageSet chosen = sel.resolve(cmd.set(), cmd.uid(), s.savedSearch());
        boolean changedSince = cmd.changedSince() >= 0;
        if (changedSince || cmd.items().contains(FetchItem.Simple.MODSEQ)) {
            s.enableCondstore();
        }
        if (cmd.vanished()) {
            MailboxSnapshot view = sel.view();
            UidSet asked = cmd.set().isSaved() ? s.savedSearch() : cmd.set().toUidSet(view.uidNext() - 1);
            sel.writeVanishedEarlier(s.out(), sel.vanishedSince(cmd.changedSince(), asked));
        }
        if (changedSince) {
            MailboxSnapshot view = sel.view();
            chosen = chosen.filter(i -> view.modSeq(i) > cmd.changedSince());
        }
        FetchPlan plan = FetchPlan.of(cmd.items(), cmd.uid(), changedSince);
        UidSet seenNow = UidSet.empty();
        if (plan.setsSeen && !sel.readOnly() && !chosen.isEmpty()) {
            UidSet unseen = unseen(sel, chosen);
            if (!unseen.isEmpty()) {
                FlagUpdate update = sel.mailbox().updateFlags(unseen, FlagOp.ADD, Flags.ofSystem(Flags.SEEN), -1);
                sel.applyFlags(update, s.out());
                seenNow = UidSet.of(update.uids());
            }
        }
        return s.stream(new FetchPump(s, sel, chosen, plan, seenNow));
    }

    private static UidSet unseen(SelectedMailbox sel, MessageSet chosen) {
        UidSet.Builder b = new UidSet.Builder();
        var view = sel.view();
        chosen.forEach(i -> {
            if (!view.flags(i).has(Flags.SEEN) && !sel.isGhost(i)) {
                b.add(view.uid(i));
            }
        });
        return b.build();
    }
}
