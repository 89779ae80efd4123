package org.poststelle.imap.command;

import java.util.Locale;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.protocol.SequenceSet;
import org.poststelle.store.model.MailboxName;

/**
 * SELECT and EXAMINE with the select parameters of RFC 7162: {@code (CONDSTORE)} and
 * {@code (QRESYNC (uidvalidity modseq [known-uids [(seq-numbers uids)]]))}.
 *
 * @param readOnly EXAMINE
 * @param condstore the CONDSTORE parameter (a CONDSTORE enabling command)
 * @param qresync the QRESYNC parameter, or null
 */
public record Select(MailboxName mailbox, boolean readOnly, boolean condstore, Qresync qresync)
        implements ImapCommand {

    /**
     * What a client knew when it last left the mailbox (RFC 7162 section 3.2.5).
     *
     * @param knownUids the UIDs the client has, or null (then every UID below UIDNEXT)
     * @param seqMatchNumbers with {@code seqMatchUids}, pairs of sequence numbers and UIDs the client has, or
     *        null; a hint for servers without expunge history, parsed and checked but not needed here
     */
    public record Qresync(long uidValidity, long modSeq, SequenceSet knownUids, SequenceSet seqMatchNumbers,
            SequenceSet seqMatchUids) {
    }

    public static Select parseSelect(Args a) throws BadCommandException {
        return parse(a, false);
    }

    public static Select parseExamine(Args a) throws BadCommandException {
        return parse(a, true);
    }

    private static Select parse(Args a, boolean readOnly) throws BadCommandException {
        MailboxName name = a.mailbox();
        boolean condstore = false;
        Qresync qresync = null;
        if (a.peekList()) {
            Args list = a.list();
            while (list.hasMore()) {
                String p = list.atom().toUpperCase(Locale.ROOT);
                switch (p) {
                    case "CONDSTORE" -> condstore = true;
                    case "QRESYNC" -> {
                        if (qresync != null) {
                            throw new BadCommandException("QRESYNC given twice");
                        }
                        qresync = qresync(list.list());
                    }
                    default -> throw new BadCommandException("Unsupported SELECT parameter " + abbreviate(p));
                }
            }
        }
        a.end();
        return new Select(name, readOnly, condstore, qresync);
    }

    private static Qresync qresync(Args q) throws BadCommandException {
        long uidValidity = q.nzNumber();
        if (uidValidity > 0xFFFF_FFFFL) {
            throw new BadCommandException("Invalid UIDVALIDITY");
        }
        long modSeq = q.nzNumber();
        SequenceSet known = null;
        SequenceSet numbers = null;
        SequenceSet uids = null;
        if (q.hasMore() && !q.peekList()) {
            known = noStar(q.sequenceSet());
        }
        if (q.hasMore()) {
            Args match = q.list();
            numbers = noStar(match.sequenceSet());
            uids = noStar(match.sequenceSet());
            match.end();
        }
        q.end();
        return new Qresync(uidValidity, modSeq, known, numbers, uids);
    }

    /** Known UIDs and sequence-match data are explicit numbers (RFC 7162 section 3.2.5: no "*", no "$"). */
    static SequenceSet noStar(SequenceSet set) throws BadCommandException {
        if (set.isSaved()) {
            throw new BadCommandException("$ is not allowed here");
        }
        for (int r = 0; r < set.rangeCount(); r++) {
            if (set.low(r, 0) == 0) {
                throw new BadCommandException("* is not allowed here");
            }
        }
        return set;
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "..." : s;
    }
}
