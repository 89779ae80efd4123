package org.poststelle.store.model;

import java.util.Arrays;

/**
 * An immutable view of one mailbox at one moment: the UIDs in ascending order with their flags and modseq.
 * Each IMAP session keeps its own snapshot as the truth for message sequence numbers (MSN n is index n-1);
 * POP3 takes one at login and keeps it for the whole session. A session learns that the mailbox changed
 * from a hint and pulls a newer snapshot; {@link SnapshotDiff} says what changed between the two.
 *
 * <p>Arrays are owned by the snapshot: whoever constructs one hands them over and never touches them again.
 * {@link Flags} instances are expected to be shared between messages with equal flags, so a snapshot costs
 * about 16 bytes per message.
 */
public final class MailboxSnapshot {
    private final String mailboxId;
    private final long uidValidity;
    private final long uidNext;
    private final long highestModSeq;
    private final int[] uids;
    private final Flags[] flags;
    private final long[] modSeqs;

    /**
     * @param uids ascending UIDs, stored as unsigned ints
     * @param flags parallel to uids
     * @param modSeqs parallel to uids
     */
    public MailboxSnapshot(String mailboxId, long uidValidity, long uidNext, long highestModSeq, int[] uids,
            Flags[] flags, long[] modSeqs) {
        if (uids.length != flags.length || uids.length != modSeqs.length) {
            throw new IllegalArgumentException("parallel arrays differ in length");
        }
        this.mailboxId = mailboxId;
        this.uidValidity = uidValidity;
        this.uidNext = uidNext;
        this.highestModSeq = highestModSeq;
        this.uids = uids;
        this.flags = flags;
        this.modSeqs = modSeqs;
    }

    public static MailboxSnapshot empty(String mailboxId, long uidValidity, long uidNext, long highestModSeq) {
        return new MailboxSnapshot(mailboxId, uidValidity, uidNext, highestModSeq, new int[0], new Flags[0],
                new long[0]);
    }

    /** Stable id of the mailbox (RFC 8474 MAILBOXID); survives renames. */
    public String mailboxId() {
        return mailboxId;
    }

    public long uidValidity() {
        return uidValidity;
    }

    public long uidNext() {
        return uidNext;
    }

    public long highestModSeq() {
        return highestModSeq;
    }

    /** Number of messages. */
    public int size() {
        return uids.length;
    }

    public long uid(int index) {
        return uids[index] & 0xFFFF_FFFFL;
    }

    public Flags flags(int index) {
        return flags[index];
    }

    public long modSeq(int index) {
        return modSeqs[index];
    }

    /** Index of a UID, or -1 when it is not in this snapshot. */
    public int indexOf(long uid) {
        int lo = 0;
        int hi = uids.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = uids[mid] & 0xFFFF_FFFFL;
            if (v < uid) {
                lo = mid + 1;
            } else if (v > uid) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Index of the first message with a UID at least {@code uid} ({@link #size()} when none). */
    public int ceilingIndex(long uid) {
        int lo = 0;
        int hi = uids.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if ((uids[mid] & 0xFFFF_FFFFL) < uid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Highest UID present, 0 when empty. */
    public long maxUid() {
        return uids.length == 0 ? 0 : uid(uids.length - 1);
    }

    /** All UIDs of this snapshot. */
    public UidSet uidSet() {
        UidSet.Builder b = new UidSet.Builder();
        for (int u : uids) {
            b.add(u & 0xFFFF_FFFFL);
        }
        return b.build();
    }

    /** The UIDs of this snapshot that lie in {@code set}. */
    public UidSet existing(UidSet set) {
        UidSet.Builder b = new UidSet.Builder();
        for (int r = 0; r < set.rangeCount(); r++) {
            int i = ceilingIndex(set.rangeStart(r));
            long end = set.rangeEnd(r);
            while (i < uids.length && uid(i) <= end) {
                b.add(uid(i++));
            }
        }
        return b.build();
    }

    /** What changed from this (older) snapshot to a newer one of the same mailbox. */
    public SnapshotDiff diff(MailboxSnapshot newer) {
        return SnapshotDiff.between(this, newer);
    }

    /** A copy with this session's own flag changes applied (so they are not reported back to it as news). */
    public MailboxSnapshot withFlags(long[] changedUids, Flags[] newFlags, long[] newModSeqs, long newHighestModSeq) {
        Flags[] f = flags.clone();
        long[] m = modSeqs.clone();
        for (int k = 0; k < changedUids.length; k++) {
            int i = indexOf(changedUids[k]);
            if (i >= 0) {
                f[i] = newFlags[k];
                m[i] = newModSeqs[k];
            }
        }
        return new MailboxSnapshot(mailboxId, uidValidity, uidNext, Math.max(highestModSeq, newHighestModSeq),
                uids, f, m);
    }

    /** A copy without the given UIDs (this session's own expunge). */
    public MailboxSnapshot without(UidSet expunged, long newHighestModSeq) {
        int n = 0;
        int[] u = new int[uids.length];
        Flags[] f = new Flags[uids.length];
        long[] m = new long[uids.length];
        for (int i = 0; i < uids.length; i++) {
            if (!expunged.contains(uid(i))) {
                u[n] = uids[i];
                f[n] = flags[i];
                m[n] = modSeqs[i];
                n++;
            }
        }
        return new MailboxSnapshot(mailboxId, uidValidity, uidNext, Math.max(highestModSeq, newHighestModSeq),
                Arrays.copyOf(u, n), Arrays.copyOf(f, n), Arrays.copyOf(m, n));
    }

    @Override
    public String toString() {
        return "MailboxSnapshot[" + mailboxId + " uidvalidity=" + uidValidity + " uidnext=" + uidNext
                + " modseq=" + highestModSeq + " messages=" + uids.length + "]";
    }
}
