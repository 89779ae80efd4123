package org.poststelle.imap.handler;

import java.util.ArrayList;
import java.util.List;
import org.poststelle.core.auth.Protocol;
import org.poststelle.imap.command.Append;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;
import org.poststelle.imap.session.StoreErrors;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.AppendResult;
import org.poststelle.store.model.NewMessage;
import org.poststelle.store.model.UidSet;

/**
 * APPEND and MULTIAPPEND (all messages or none) with APPENDUID; the store copies the literals into the
 * mailbox (see {@link AppendSupport}). A new message in the selected mailbox is reported by the normal sync
 * (EXISTS), not here.
 */
final class AppendHandler implements CommandHandler<Append> {
    @Override
    public Result handle(Append cmd, ImapSession s) {
        List<NewMessage> messages = new ArrayList<>();
        for (Append.Message m : cmd.messages()) {
            Result refused = AppendSupport.refused(m, s);
            if (refused != null) {
                return refused;
            }
            messages.add(AppendSupport.newMessage(m));
        }
        AppendResult result;
        try {
            result = AppendSupport.appendTo(s, cmd.mailbox(), messages);
        } catch (StoreException e) {
            return StoreErrors.resultForTarget(e);
        }
        s.services().shared().metrics().messagesAppended(Protocol.IMAP.id(), messages.size());
        return Result.ok("APPENDUID " + result.uidValidity() + " " + UidSet.of(result.uids()), "APPEND completed.");
    }
}
