package org.poststelle.imap.command;

import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.protocol.SequenceSet;

/** EXPUNGE, or UID EXPUNGE uid-set (UIDPLUS): {@code uids} is null for plain EXPUNGE. */
public record Expunge(SequenceSet uids) implements ImapCommand {
    public static Expunge parse(Args a) throws BadCommandException {
        a.end();
        return new Expunge(null);
    }

    public static Expunge parseUid(Args a) throws BadCommandException {
        Expunge e = new Expunge(a.sequenceSet());
        a.end();
        return e;
    }
}
