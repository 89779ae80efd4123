package org.poststelle.store;

import java.util.List;
import java.util.function.Consumer;
import org.poststelle.store.model.AppendResult;
import org.poststelle.store.model.CopyResult;
import org.poststelle.store.model.FlagOp;
import org.poststelle.store.model.FlagUpdate;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.MessageMeta;
import org.poststelle.store.model.NewMessage;
import org.poststelle.store.model.UidSet;

/**
 * One session's handle on an open mailbox. Each write is atomic and, once it returns, durable and visible
 * to every other session; it bumps the mailbox's modseq and notifies every listener of the mailbox
 * (including this handle's own). Listeners get only a hint and pull the difference with {@link #snapshot()}.
 * Methods can throw {@link StoreException}. A handle is used by one session at a time; the store behind it
 * is thread-safe.
 */
public interface Mailbox extends AutoCloseable {

    MailboxName name();

    boolean readOnly();

    /**
     * The current state. Cheap when nothing changed since the last call (the same instance is returned), so
     * a session may call it on every hint.
     */
    MailboxSnapshot snapshot();

    /**
     * Registers a hint listener: called (on any thread, possibly coalesced) after the mailbox changed,
     * including changes made by other processes (an MTA delivering into Maildir new/). Removed on close.
     */
    void onChange(Runnable hint);

    /**
     * The messages recent for this session (IMAP \Recent): the first session to open the mailbox after a
     * delivery claims them. Read-only handles see them without claiming. Returns UIDs.
     */
    UidSet claimRecent();

    /** Index facts for the given UIDs that still exist, ascending by UID. No message file is opened. */
    void meta(UidSet uids, Consumer<MessageMeta> each);

    /** Convenience: the facts of one message, or null when it is gone. */
    default MessageMeta meta(long uid) {
        MessageMeta[] found = new MessageMeta[1];
        meta(UidSet.of(uid), m -> found[0] = m);
        return found[0];
    }

    /** The content of a message; throws MESSAGE_GONE when it was expunged. */
    MessageContent content(long uid);

    /** Appends messages atomically (all or none, MULTIAPPEND) and returns their UIDs. Quota is enforced. */
    AppendResult append(List<NewMessage> messages);

    /**
     * Changes flags of the existing messages among {@code uids}.
     *
     * @param unchangedSince RFC 7162 UNCHANGEDSINCE, or -1 for none: messages with a higher modseq are left
     *        alone and reported in {@link FlagUpdate#failedUnchangedSince()}
     */
    FlagUpdate updateFlags(UidSet uids, FlagOp op, Flags flags, long unchangedSince);

    /** Removes exactly these messages (never "all \Deleted"); returns the UIDs actually removed. */
    UidSet expunge(UidSet uids);

    /** Copies messages into another mailbox of the same account (quota enforced). */
    CopyResult copyTo(UidSet uids, MailboxName target);

    /** Moves messages atomically: copy, then expunge from this mailbox (RFC 6851). */
    CopyResult moveTo(UidSet uids, MailboxName target);

    /** UIDs expunged after {@code modSeq}, for QRESYNC VANISHED (EARLIER); null when that history is no longer kept. */
    UidSet expungedSince(long modSeq);

    /** Records the first POP3 retrieval time of these messages (for expire retention); already-set times stay. */
    void markRetrieved(UidSet uids);

    @Override
    void close();
}
