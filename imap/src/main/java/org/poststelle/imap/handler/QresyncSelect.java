package org.poststelle.imap.handler;

import org.poststelle.imap.command.Select;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.SelectedMailbox;
import org.poststelle.store.model.MailboxSnapshot;

/**
 * The resynchronisation part of {@code SELECT mailbox (QRESYNC (uidvalidity modseq [known-uids ...]))}
 * (RFC 7162 section 3.2.5): first {@code * VANISHED (EARLIER)} for the known messages expunged since the
 * client's modseq, then a FETCH (UID, FLAGS, MODSEQ) for every message changed or added since.
 */
final class QresyncSelect {
    private QresyncSelect() {
    }

    static void resync(ImapSession s, SelectedMailbox sel, Select.Qresync q) {
        MailboxSnapshot view = sel.view();
        sel.writeVanishedEarlier(s.out(), sel.vanishedSince(q.modSeq(),
                q.knownUids() == null ? null : q.knownUids().toUidSet(0)));
        for (int i = 0; i < view.size(); i++) {
            if (view.modSeq(i) > q.modSeq()) {
                sel.writeChangeFetch(s.out(), i, true, true);
            }
        }
    }
}
