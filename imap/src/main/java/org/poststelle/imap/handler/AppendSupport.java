package org.poststelle.imap.handler;

import java.util.List;
import org.poststelle.imap.command.Append;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;
import org.poststelle.imap.session.SelectedMailbox;
import org.poststelle.store.Mailbox;
import org.poststelle.store.model.AppendResult;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.NewMessage;

/** What APPEND and REPLACE (RFC 8508) share: checking one message's data and storing messages in a mailbox. */
final class AppendSupport {
    private AppendSupport() {
    }

    /** Null when the message may be appended, else the answer that refuses it. */
    static Result refused(Append.Message m, ImapSession s) {
        if (m.utf8() && !s.extensions().utf8Accept()) {
            return Result.bad("UTF8 message data needs ENABLE UTF8=ACCEPT");
        }
        if (m.content().data().size() == 0) {
            return Result.no("Empty messages cannot be appended");
        }
        if (m.content().data().size() > s.config().appendLimit()) {
            return Result.no("TOOBIG", "Message too large (APPENDLIMIT " + s.config().appendLimit() + ")");
        }
        return null;
    }

    /**
     * The message as the store takes it: literals above the spool threshold were written to disk by the
     * decoder and are read from there. UTF8 data (RFC 6855) is stored as sent, 8-bit headers and all.
     */
    static NewMessage newMessage(Append.Message m) {
        var data = m.content().data();
        return new NewMessage(data::open, data.size(), Flags.parse(m.flags()), m.internalDate());
    }

    /**
     * Appends to {@code target} (all or none), through the selected mailbox's handle when it is the target,
     * so its own change hint is the one the view sees. Throws StoreException.
     */
    static AppendResult appendTo(ImapSession s, MailboxName target, List<NewMessage> messages) {
        SelectedMailbox sel = s.selected();
        if (sel != null && sel.mailbox().name().equals(target) && !sel.readOnly()) {
            return sel.mailbox().append(messages);
        }
        try (Mailbox mailbox = s.mailboxes().open(target, false)) {
            return mailbox.append(messages);
        }
    }
}
