package org.poststelle.imap.handler;

import java.util.ArrayList;
import java.util.List;
import org.poststelle.core.auth.Protocol;
import org.poststelle.imap.command.Append;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;
import org.poststelle.imap.session.SelectedMailbox;
import org.poststelle.imap.session.StoreErrors;
import org.poststelle.store.Mailbox;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.AppendResult;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.NewMessage;
import org.poststelle.store.model.UidSet;

/**
 * APPEND and MULTIAPPEND (all messages or none) with APPENDUID. Literals above the spool threshold were
 * written to disk by the decoder and are read from there; the store copies them into the mailbox. A new
 * message in the selected mailbox is reported by the normal sync (EXISTS), not here.
 */
final class AppendHandler implements CommandHandler<Append> {
    @Override
    public Result handle(Append cmd, ImapSession s) {
        List<NewMessage> messages = new ArrayList<>();
        for (Append.Message m : cmd.messages()) {
            if (m.content().data().size() == 0) {
                return Result.no("Empty messages cannot be appended");
            }
            if (m.content().data().size() > s.config().appendLimit()) {
                return Result.no("TOOBIG", "Message too large (APPENDLIMIT " + s.config().appendLimit() + ")");
            }
            var data = m.content().data();
            messages.add(new NewMessage(data::open, data.size(), Flags.parse(m.flags()), m.internalDate()));
        }
        SelectedMailbox sel = s.selected();
        AppendResult result;
        try {
            if (sel != null && sel.mailbox().name().equals(cmd.mailbox()) && !sel.readOnly()) {
                result = sel.mailbox().append(messages);
            } else {
                try (Mailbox target = s.mailboxes().open(cmd.mailbox(), false)) {
                    result = target.append(messages);
                }
            }
        } catch (StoreException e) {
            return StoreErrors.resultForTarget(e);
        }
        s.services().shared().metrics().messagesAppended(Protocol.IMAP.id(), messages.size());
        return Result.ok("APPENDUID " + result.uidValidity() + " " + UidSet.of(result.uids()), "APPEND completed.");
    }
}
