package org.poststelle.pop3.session;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.poststelle.core.auth.Pop3Retention;
import org.poststelle.pop3.UidlFormat;
import org.poststelle.pop3.protocol.MessageSource;
import org.poststelle.store.Mailbox;
import org.poststelle.store.MessageContent;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.FlagOp;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.MessageMeta;
import org.poststelle.store.model.UidSet;

/**
 * POP3's view of INBOX, fixed at login: message numbers, sizes and unique-ids never change during the
 * session (RFC 1939), and messages delivered meanwhile wait for the next session. DELE only marks a message
 * here; nothing in the store changes before {@link #commit} (QUIT), which removes exactly the marked UIDs,
 * so a dropped connection never loses a message.
 */
final class Maildrop implements AutoCloseable {
    private final Mailbox inbox;
    private final UidlFormat uidlFormat;
    private final long uidValidity;
    private final long[] uids;
    private final long[] sizes;
    private final String[] emailIds;
    private final String[] recordedUidls;
    private final BitSet seen;
    private final BitSet retrievalRecorded;
    private final BitSet deleted = new BitSet();
    private final BitSet retrieved = new BitSet();
    private final int expiredAtLogin;
    private int liveCount;
    private long liveSize;

    private Maildrop(Mailbox inbox, UidlFormat uidlFormat, long uidValidity, List<MessageMeta> messages,
            int expiredAtLogin) {
        this.inbox = inbox;
        this.uidlFormat = uidlFormat;
        this.uidValidity = uidValidity;
        this.expiredAtLogin = expiredAtLogin;
        int n = messages.size();
        uids = new long[n];
        sizes = new long[n];
        emailIds = uidlFormat.usesEmailId() ? new String[n] : null;
        String[] recorded = null;
        seen = new BitSet(n);
        retrievalRecorded = new BitSet(n);
        for (int i = 0; i < n; i++) {
            MessageMeta m = messages.get(i);
            uids[i] = m.uid();
            sizes[i] = m.size();
            liveSize += m.size();
            if (emailIds != null) {
                emailIds[i] = m.emailId();
            }
            if (m.pop3Uidl() != null && UidlFormat.isValidUniqueId(m.pop3Uidl())) {
                if (recorded == null) {
                    recorded = new String[n];
                }
                recorded[i] = m.pop3Uidl();
            }
            seen.set(i, m.flags().has(Flags.SEEN));
            retrievalRecorded.set(i, m.firstRetrieved() != null);
        }
        recordedUidls = recorded;
        liveCount = n;
    }

    /**
     * Opens the maildrop for a session. Under an {@code expire=Nd} policy, messages first retrieved more than
     * N days ago are removed first, so they are gone before the client sees the list.
     *
     * @param inbox the account's INBOX, which the maildrop now owns (closed with it)
     */
    static Maildrop open(Mailbox inbox, Pop3Retention retention, UidlFormat uidlFormat, Instant now) {
        try {
            MailboxSnapshot snapshot = inbox.snapshot();
            List<MessageMeta> messages = new ArrayList<>(snapshot.size());
            UidSet.Builder expired = new UidSet.Builder();
            Instant expireBefore = retention instanceof Pop3Retention.Expire e
                    ? now.minus(Duration.ofDays(e.days())) : null;
            inbox.meta(snapshot.uidSet(), m -> {
                if (expireBefore != null && m.firstRetrieved() != null && m.firstRetrieved().isBefore(expireBefore)) {
                    expired.add(m.uid());
                } else {
                    messages.add(m);
                }
            });
            UidSet toExpire = expired.build();
            int expiredCount = toExpire.isEmpty() ? 0 : (int) inbox.expunge(toExpire).size();
            return new Maildrop(inbox, uidlFormat, snapshot.uidValidity(), messages, expiredCount);
        } catch (RuntimeException e) {
            inbox.close();
            throw e;
        }
    }

    /** Messages removed at login because their retention period was over. */
    int expiredAtLogin() {
        return expiredAtLogin;
    }

    /** Messages at login (deleted ones included): valid numbers are 1..size(). */
    int size() {
        return uids.length;
    }

    /** Messages not marked deleted. */
    int liveCount() {
        return liveCount;
    }

    long liveSize() {
        return liveSize;
    }

    /** Why {@code msg} cannot be used, as -ERR text, or null when it is a message not marked deleted. */
    String problem(int msg) {
        if (msg < 1 || msg > uids.length) {
            return "There's no message " + msg + ".";
        }
        if (deleted.get(msg - 1)) {
            return "Message is deleted.";
        }
        return null;
    }

    long messageSize(int msg) {
        return sizes[msg - 1];
    }

    String uidl(int msg) {
        int i = msg - 1;
        if (recordedUidls != null && recordedUidls[i] != null) {
            return recordedUidls[i];
        }
        return uidlFormat.format(uids[i], uidValidity, emailIds == null ? null : emailIds[i]);
    }

    /** Numbers of the messages not marked deleted, ascending; a copy the caller may keep. */
    int[] liveNumbers() {
        int[] out = new int[liveCount];
        int k = 0;
        for (int i = deleted.nextClearBit(0); i < uids.length; i = deleted.nextClearBit(i + 1)) {
            out[k++] = i + 1;
        }
        return out;
    }

    /**
     * Opens a message's bytes (in the CRLF form) for RETR or TOP.
     *
     * @throws StoreException MESSAGE_GONE when another session expunged it
     */
    MessageSource open(int msg) throws IOException {
        MessageContent content = inbox.content(uids[msg - 1]);
        // the stored bytes, bare LFs and all: the dot-stuffer makes line ends CRLF in its one pass anyway
        Optional<FileChannel> file = content.openStoredChannel();
        if (file.isPresent()) {
            FileChannel ch = file.get();
            try {
                return MessageSource.of(ch, ch.size());
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        }
        return MessageSource.of(content.open());
    }

    void markRetrieved(int msg) {
        retrieved.set(msg - 1);
    }

    void dele(int msg) {
        if (!deleted.get(msg - 1)) {
            deleted.set(msg - 1);
            liveCount--;
            liveSize -= sizes[msg - 1];
        }
    }

    void rset() {
        deleted.clear();
        liveCount = uids.length;
        liveSize = 0;
        for (long s : sizes) {
            liveSize += s;
        }
    }

    /** What QUIT did to the store. */
    record Outcome(int removed, int retrieved) {
    }

    /**
     * The UPDATE state: removes the messages marked deleted (and, under the {@code delete} policy, those
     * retrieved), sets \Seen on retrieved ones when asked, and records first retrieval times for
     * {@code expire}. Only the removal can fail the QUIT; flag and retrieval bookkeeping never costs mail.
     *
     * @throws StoreException when the removal failed (nothing or only part was removed)
     */
    Outcome commit(Pop3Retention retention, boolean markSeen, org.slf4j.Logger log) {
        BitSet remove = (BitSet) deleted.clone();
        if (retention instanceof Pop3Retention.Delete) {
            remove.or(retrieved);
        }
        UidSet removed = remove.isEmpty() ? UidSet.empty() : inbox.expunge(uids(remove));
        try {
            if (markSeen) {
                BitSet unseen = (BitSet) retrieved.clone();
                unseen.andNot(seen);
                unseen.andNot(remove);
                if (!unseen.isEmpty()) {
                    inbox.updateFlags(uids(unseen), FlagOp.ADD, Flags.ofSystem(Flags.SEEN), -1);
                }
            }
            if (retention instanceof Pop3Retention.Expire) {
                BitSet first = (BitSet) retrieved.clone();
                first.andNot(retrievalRecorded);
                first.andNot(remove);
                if (!first.isEmpty()) {
                    inbox.markRetrieved(uids(first));
                }
            }
        } catch (StoreException e) {
            log.warn("POP3 QUIT could not record flags or retrieval times: {}", e.getMessage());
        }
        return new Outcome((int) removed.size(), retrieved.cardinality());
    }

    private UidSet uids(BitSet set) {
        UidSet.Builder b = new UidSet.Builder();
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            b.add(uids[i]);
        }
        return b.build();
    }

    @Override
    public void close() {
        inbox.close();
    }
}
