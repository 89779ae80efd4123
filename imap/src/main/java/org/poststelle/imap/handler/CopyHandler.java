package org.poststelle.imap.handler;

import org.poststelle.core.auth.Protocol;
import org.poststelle.imap.command.Copy;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.response.UntaggedStatus;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.MessageSet;
import org.poststelle.imap.session.Result;
import org.poststelle.imap.session.SelectedMailbox;
import org.poststelle.imap.session.StoreErrors;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.CopyResult;
import org.poststelle.store.model.UidSet;

/**
 * COPY and MOVE (RFC 6851) with COPYUID (UIDPLUS). MOVE reports COPYUID untagged before its EXPUNGEs, as
 * RFC 6851 section 4.3 asks.
 */
final class CopyHandler implements CommandHandler<Copy> {
    @Override
    public Result handle(Copy cmd, ImapSession s) throws BadCommandException {
        SelectedMailbox sel = s.selected();
        String verb = cmd.move() ? "MOVE" : "COPY";
        if (cmd.move() && sel.readOnly()) {
            return Result.no("READ-ONLY", "Mailbox is read-only.");
        }
        MessageSet chosen = sel.resolve(cmd.set(), cmd.uid(), s.savedSearch());
        if (chosen.isEmpty()) {
            return Result.ok(verb + " completed.");
        }
        UidSet uids = chosen.uids(sel.view());
        CopyResult result;
        try {
            result = cmd.move() ? sel.mailbox().moveTo(uids, cmd.target()) : sel.mailbox().copyTo(uids, cmd.target());
        } catch (StoreException e) {
            return StoreErrors.resultForTarget(e);
        }
        if (result.sourceUids().length == 0) {
            return chosen.count() > 0 && !cmd.uid()
                    ? Result.no("EXPUNGEISSUED", "The messages were expunged meanwhile.")
                    : Result.ok(verb + " completed.");
        }
        String copyUid = "COPYUID " + result.uidValidity() + " " + UidSet.of(result.sourceUids()) + " "
                + UidSet.of(result.targetUids());
        if (!cmd.move()) {
            return Result.ok(copyUid, verb + " completed.");
        }
        s.out().write(UntaggedStatus.ok(copyUid, "Moved UIDs."));
        UidSet moved = UidSet.of(result.sourceUids());
        sel.applyExpunge(moved, sel.view().highestModSeq(), s.out());
        s.services().shared().metrics().messagesExpunged(Protocol.IMAP.id(), moved.size());
        return Result.ok(verb + " completed.");
    }
}
