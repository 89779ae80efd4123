package org.poststelle.imap.handler;

import java.util.List;
import org.poststelle.core.auth.Protocol;
import org.poststelle.imap.command.Replace;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.response.UntaggedStatus;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.MessageSet;
import org.poststelle.imap.session.Result;
import org.poststelle.imap.session.SelectedMailbox;
import org.poststelle.imap.session.StoreErrors;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.AppendResult;
import org.poststelle.store.model.UidSet;

/**
 * REPLACE and UID REPLACE (RFC 8508). The store has no replace: the new message is appended first and the
 * old one expunged after, so a failed append (quota, missing mailbox) leaves the original untouched; a
 * REPLACE therefore needs quota room for both messages for a moment. Answers as RFC 8508's example does:
 * {@code * OK [APPENDUID v u]}, EXISTS when the target is the selected mailbox, then the EXPUNGE (VANISHED
 * under QRESYNC) of the old message.
 */
final class ReplaceHandler implements CommandHandler<Replace> {
    @Override
    public Result handle(Replace cmd, ImapSession s) throws BadCommandException {
        SelectedMailbox sel = s.selected();
        if (sel.readOnly()) {
            return Result.no("READ-ONLY", "Mailbox is read-only.");
        }
        Result refused = AppendSupport.refused(cmd.data(), s);
        if (refused != null) {
            return refused;
        }
        MessageSet chosen = sel.resolve(cmd.message(), cmd.uid(), s.savedSearch());
        if (chosen.isEmpty()) {
            return Result.no("No such message.");
        }
        long uid = sel.view().uid(chosen.first());
        if (sel.isGhost(chosen.first()) || sel.mailbox().meta(uid) == null) {
            return Result.no("EXPUNGEISSUED", "The message was expunged meanwhile.");
        }
        AppendResult added;
        try {
            added = AppendSupport.appendTo(s, cmd.target(), List.of(AppendSupport.newMessage(cmd.data())));
        } catch (StoreException e) {
            return StoreErrors.resultForTarget(e);
        }
        s.services().shared().metrics().messagesAppended(Protocol.IMAP.id(), 1);
        s.out().write(UntaggedStatus.ok("APPENDUID " + added.uidValidity() + " " + UidSet.of(added.uids()),
                "Replacement message ready."));
        // the new message's EXISTS before the old one's EXPUNGE, so the client's numbering stays valid
        sel.sync(s.out(), s.extensions(), cmd.uid(), false);
        UidSet removed = sel.mailbox().expunge(UidSet.of(uid));
        sel.applyExpunge(removed, sel.view().highestModSeq(), s.out());
        s.services().shared().metrics().messagesExpunged(Protocol.IMAP.id(), removed.size());
        return Result.ok("REPLACE completed.");
    }
}
