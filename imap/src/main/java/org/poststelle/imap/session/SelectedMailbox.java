package org.poststelle.imap.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.protocol.ImapWriter;
import org.poststelle.imap.protocol.SequenceSet;
import org.poststelle.imap.response.Exists;
import org.poststelle.imap.response.Expunge;
import org.poststelle.imap.response.FlagsResponse;
import org.poststelle.imap.response.Recent;
import org.poststelle.imap.response.UntaggedStatus;
import org.poststelle.imap.response.Vanished;
import org.poststelle.store.Mailbox;
import org.poststelle.store.model.FlagUpdate;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.SnapshotDiff;
import org.poststelle.store.model.UidSet;

/**
 * This session's view of its selected mailbox: the only truth for message sequence numbers, and the only
 * place that produces EXISTS, EXPUNGE and unsolicited FETCH FLAGS. The store only hints that something
 * changed; {@link #sync} pulls the difference where RFC 3501 section 7.4.1 allows. Where EXPUNGE is not
 * allowed (during FETCH, STORE, SEARCH by sequence number), expunged messages stay in the view as "ghosts"
 * until a later command may report them, while new messages and flag changes are still reported.
 *
 * <p>The session's own writes (STORE, EXPUNGE, MOVE) are applied to the view by their handlers, which
 * answer for them; the next diff then holds only other sessions' changes, so nothing is reported twice.
 * Used only on the session's executor, apart from the change hint.
 */
public final class SelectedMailbox implements AutoCloseable {
    private final Mailbox mailbox;
    private MailboxSnapshot view;
    private UidSet recent;
    /** Keywords announced in the last FLAGS response (case-insensitive). */
    private final Set<String> keywords = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    /** Messages expunged in the store but kept in the view until EXPUNGE may be reported. */
    private UidSet ghosts = UidSet.empty();
    /** The search result variable {@code $} (RFC 5182): UIDs, so expunged messages drop out by themselves. */
    private UidSet savedSearch = UidSet.empty();
    private volatile boolean dirty;
    private final Extensions ext;
    /** Whether VANISHED was sent since the last {@link #takeVanishedReported()} (QRESYNC). */
    private boolean vanishedReported;

    private SelectedMailbox(Mailbox mailbox, Extensions ext) {
        this.mailbox = mailbox;
        this.ext = ext;
    }

    /**
     * Takes the first view of an opened mailbox and registers for change hints.
     *
     * @param ext what the session enabled (CONDSTORE adds MODSEQ to FETCH responses, QRESYNC turns EXPUNGE into
     *        VANISHED)
     * @param onHint called on any thread after a change, after the view was marked dirty
     */
    public static SelectedMailbox open(Mailbox mailbox, Extensions ext, Runnable onHint) {
        SelectedMailbox s = new SelectedMailbox(mailbox, ext);
        // register before the first snapshot: a change in between is then seen as a hint, not lost
        mailbox.onChange(() -> {
            s.dirty = true;
            onHint.run();
        });
        s.view = mailbox.snapshot();
        s.recent = mailbox.claimRecent();
        s.keywords.addAll(keywordsIn(s.view));
        return s;
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    public MailboxSnapshot view() {
        return view;
    }

    /** The HIGHESTMODSEQ this session may announce: that of the view it has reported (RFC 7162). */
    public long highestModSeq() {
        return view.highestModSeq();
    }

    /**
     * Whether VANISHED responses were sent since the last call (QRESYNC sessions then get HIGHESTMODSEQ in the
     * tagged OK, as the reference server sends it); false while expunged messages wait as ghosts, since the
     * view's HIGHESTMODSEQ then covers expunges the client has not heard of.
     */
    public boolean takeVanishedReported() {
        boolean r = vanishedReported;
        vanishedReported = false;
        return r && ghosts.isEmpty();
    }

    public boolean readOnly() {
        return mailbox.readOnly();
    }

    public int exists() {
        return view.size();
    }

    public boolean isRecent(long uid) {
        return recent.contains(uid);
    }

    /** The UIDs this session holds the recent flag for (RECENT, NEW and OLD search keys). */
    public UidSet recent() {
        return recent;
    }

    /** {@code $}: empty until a SEARCH ... RETURN (SAVE); a new selection starts empty again (RFC 5182). */
    public UidSet savedSearch() {
        return savedSearch;
    }

    public void saveSearch(UidSet uids) {
        savedSearch = uids;
    }

    public int recentCount() {
        int count = 0;
        for (int r = 0; r < recent.rangeCount(); r++) {
            count += view.ceilingIndex(recent.rangeEnd(r) + 1) - view.ceilingIndex(recent.rangeStart(r));
        }
        return count;
    }

    /** Keywords in use in this mailbox, as announced in FLAGS/PERMANENTFLAGS. */
    public List<String> keywords() {
        return List.copyOf(keywords);
    }

    /** Whether the message at {@code index} is expunged in the store but still in this view. */
    public boolean isGhost(int index) {
        return !ghosts.isEmpty() && ghosts.contains(view.uid(index));
    }

    /**
     * Resolves a sequence set to view indexes.
     *
     * @param uid whether the set holds UIDs (else message sequence numbers)
     * @throws BadCommandException for sequence numbers beyond the mailbox (RFC 9051 section 6.4.4)
     */
    public MessageSet resolve(SequenceSet set, boolean uid, UidSet saved) throws BadCommandException {
        if (set.isSaved()) {
            return resolveUids(saved);
        }
        int n = view.size();
        int[] ranges = new int[set.rangeCount() * 2];
        int len = 0;
        if (uid) {
            if (n == 0) {
                return MessageSet.EMPTY;
            }
            long star = view.uid(n - 1);
            for (int r = 0; r < set.rangeCount(); r++) {
                int from = view.ceilingIndex(set.low(r, star));
                int to = view.ceilingIndex(set.high(r, star) + 1) - 1;
                if (from <= to) {
                    ranges[len++] = from;
                    ranges[len++] = to;
                }
            }
        } else {
            if (n == 0 || set.exceeds(n)) {
                throw new BadCommandException("Invalid message sequence number");
            }
            for (int r = 0; r < set.rangeCount(); r++) {
                ranges[len++] = (int) set.low(r, n) - 1;
                ranges[len++] = (int) set.high(r, n) - 1;
            }
        }
        return MessageSet.of(ranges, len);
    }

    /** The view indexes of the UIDs in {@code uids} that are in the view. */
    public MessageSet resolveUids(UidSet uids) {
        int[] ranges = new int[Math.max(2, uids.rangeCount() * 2)];
        int len = 0;
        for (int r = 0; r < uids.rangeCount(); r++) {
            int from = view.ceilingIndex(uids.rangeStart(r));
            int to = view.ceilingIndex(uids.rangeEnd(r) + 1) - 1;
            if (from <= to) {
                ranges[len++] = from;
                ranges[len++] = to;
            }
        }
        return MessageSet.of(ranges, len);
    }

    /**
     * Reports what other sessions changed since the last sync.
     *
     * @param expungeAllowed false during commands that use sequence numbers (FETCH, STORE, SEARCH, COPY)
     * @param force check the store even without a hint (NOOP, CHECK, IDLE start, periodic re-checks)
     */
    public void sync(Responder out, Extensions ext, boolean expungeAllowed, boolean force) {
        if (!dirty && !force && (ghosts.isEmpty() || !expungeAllowed)) {
            return;
        }
        dirty = false; // cleared before reading: a change from now on sets it again
        MailboxSnapshot newer = mailbox.snapshot();
        if (newer == view || (ghosts.isEmpty() && newer.highestModSeq() == view.highestModSeq()
                && newer.size() == view.size() && newer.uidNext() == view.uidNext())) {
            return; // nothing new: typically the hint of this session's own write, already in the view
        }
        SnapshotDiff diff = SnapshotDiff.between(view, newer);
        if (diff.isEmpty()) {
            view = newer; // the same messages and flags; takes the HIGHESTMODSEQ of this session's own expunge
            return;
        }
        if (diff.hasExpunges() && !expungeAllowed) {
            syncKeepingGhosts(out, ext, newer, diff);
            return;
        }
        writeExpunges(out, view.existing(diff.expunged()));
        view = newer;
        ghosts = UidSet.empty();
        reportAppendsAndChanges(out, ext, diff.appendedCount(), diff.changed());
    }

    private void syncKeepingGhosts(Responder out, Extensions ext, MailboxSnapshot newer, SnapshotDiff diff) {
        MailboxSnapshot merged = merge(view, newer);
        int[] changed = new int[diff.changed().length];
        for (int k = 0; k < changed.length; k++) {
            changed[k] = merged.indexOf(newer.uid(diff.changed()[k]));
        }
        view = merged;
        ghosts = ghosts.union(diff.expunged());
        reportAppendsAndChanges(out, ext, diff.appendedCount(), changed);
    }

    private void reportAppendsAndChanges(Responder out, Extensions ext, int appended, int[] changed) {
        List<String> newKeywords = new ArrayList<>();
        for (int index : changed) {
            collectNewKeywords(view.flags(index), newKeywords);
        }
        for (int i = view.size() - appended; i < view.size(); i++) {
            collectNewKeywords(view.flags(i), newKeywords);
        }
        if (!newKeywords.isEmpty()) {
            keywords.addAll(newKeywords);
            writeFlagLists(out);
        }
        if (appended > 0) {
            out.write(new Exists(view.size()));
            UidSet claimed = mailbox.claimRecent();
            if (!claimed.isEmpty()) {
                recent = recent.union(claimed);
            }
            if (!ext.imap4rev2()) {
                out.write(new Recent(recentCount()));
            }
        }
        for (int index : changed) {
            writeFlagsFetch(out, ext, index);
        }
    }

    private void collectNewKeywords(Flags f, List<String> into) {
        for (String k : f.keywords()) {
            if (!keywords.contains(k) && !into.contains(k)) {
                into.add(k);
            }
        }
    }

    /** The FLAGS and PERMANENTFLAGS responses of SELECT, also sent again when new keywords appear. */
    public void writeFlagLists(Responder out) {
        List<String> flags = new ArrayList<>(List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft"));
        flags.addAll(keywords);
        out.write(new FlagsResponse(flags));
        if (readOnly()) {
            out.write(UntaggedStatus.ok("PERMANENTFLAGS ()", "Read-only mailbox."));
        } else {
            out.write(UntaggedStatus.ok("PERMANENTFLAGS (" + String.join(" ", flags) + " \\*)", "Flags permitted."));
        }
    }

    /** {@code * msn FETCH (UID u FLAGS (...))} for the message at {@code index}. */
    public void writeFlagsFetch(Responder out, Extensions ext, int index) {
        writeFlagsFetch(out, ext, index, true);
    }

    /**
     * {@code * msn FETCH ([UID u] FLAGS (...))} for the message at {@code index}; with CONDSTORE always with
     * the UID and {@code MODSEQ (m)} (RFC 7162 section 3.1).
     */
    public void writeFlagsFetch(Responder out, Extensions ext, int index, boolean withUid) {
        writeChangeFetch(out, index, withUid, true);
    }

    /**
     * The FETCH response for a changed message: UID (asked for, or CONDSTORE), FLAGS unless {@code flags} is
     * false (STORE .SILENT under CONDSTORE still reports the new MODSEQ), MODSEQ under CONDSTORE.
     */
    public void writeChangeFetch(Responder out, int index, boolean withUid, boolean flags) {
        boolean condstore = ext.condstore();
        ImapWriter w = out.writer();
        w.untagged().number(index + 1).atom("FETCH").open();
        if (withUid || condstore) {
            w.atom("UID").number(view.uid(index));
        }
        if (flags) {
            w.atom("FLAGS");
            writeFlags(w, view.flags(index), !ext.imap4rev2() && isRecent(view.uid(index)));
        }
        if (condstore) {
            w.atom("MODSEQ").open().number(view.modSeq(index)).close();
        }
        w.close().end();
        out.written();
    }

    /** A flag list, {@code \Recent} included when asked. */
    public static void writeFlags(ImapWriter w, Flags flags, boolean recent) {
        w.open();
        for (String name : flags.names()) {
            w.atom(name);
        }
        if (recent) {
            w.atom("\\Recent");
        }
        w.close();
    }

    /**
     * Applies this session's own flag update to the view; announces keywords new to the mailbox first
     * (FLAGS and PERMANENTFLAGS), since the client may only see flags it was told about.
     */
    public void applyFlags(FlagUpdate update, Responder out) {
        List<String> fresh = new ArrayList<>();
        for (Flags f : update.flags()) {
            collectNewKeywords(f, fresh);
        }
        if (!fresh.isEmpty()) {
            keywords.addAll(fresh);
            writeFlagLists(out);
        }
        view = view.withFlags(update.uids(), update.flags(), update.modSeqs(), update.highestModSeq());
    }

    /**
     * Applies this session's own expunge to the view and writes the EXPUNGE responses.
     *
     * @return the UIDs removed from the view
     */
    public UidSet applyExpunge(UidSet removed, long highestModSeq, Responder out) {
        UidSet inView = view.existing(removed);
        writeExpunges(out, inView);
        view = view.without(inView, highestModSeq);
        ghosts = ghosts.minus(inView);
        return inView;
    }

    /**
     * The UIDs among {@code known} (null: every UID below UIDNEXT) expunged after {@code modSeq} and no longer
     * in the view. When the store no longer remembers that far back, every known UID that is not in the
     * mailbox: a client ignores UIDs it does not have (RFC 7162 section 3.2.10), so that is never wrong, only
     * longer.
     */
    public UidSet vanishedSince(long modSeq, UidSet known) {
        UidSet scope = known != null ? known
                : view.uidNext() > 1 ? UidSet.range(1, view.uidNext() - 1) : UidSet.empty();
        if (scope.isEmpty()) {
            return scope;
        }
        UidSet gone = mailbox.expungedSince(modSeq);
        UidSet candidates = gone == null ? scope : gone.intersect(scope);
        return candidates.minus(view.existing(candidates));
    }

    /** {@code * VANISHED (EARLIER) uids} (QRESYNC SELECT, UID FETCH ... VANISHED); nothing when empty. */
    public void writeVanishedEarlier(Responder out, UidSet uids) {
        if (!uids.isEmpty()) {
            out.write(new Vanished(true, uids));
            vanishedReported = true;
        }
    }

    /**
     * Reports messages of the view as gone: one {@code * VANISHED uids} under QRESYNC (RFC 7162 section
     * 3.2.10), else {@code * n EXPUNGE} in descending order, so each leaves the numbers still to come unchanged.
     */
    private void writeExpunges(Responder out, UidSet gone) {
        if (gone.isEmpty()) {
            return;
        }
        if (ext.qresync()) {
            out.write(new Vanished(false, gone));
            vanishedReported = true;
            return;
        }
        long[] uids = gone.toArray();
        for (int k = uids.length - 1; k >= 0; k--) {
            out.write(new Expunge(view.indexOf(uids[k]) + 1));
        }
    }

    /** The snapshot with the messages of both: flags from the newer one, ghosts keep their last flags. */
    static MailboxSnapshot merge(MailboxSnapshot older, MailboxSnapshot newer) {
        int max = older.size() + newer.size();
        int[] uids = new int[max];
        Flags[] flags = new Flags[max];
        long[] modSeqs = new long[max];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < older.size() || j < newer.size()) {
            long ou = i < older.size() ? older.uid(i) : Long.MAX_VALUE;
            long nu = j < newer.size() ? newer.uid(j) : Long.MAX_VALUE;
            if (nu <= ou) {
                uids[n] = (int) nu;
                flags[n] = newer.flags(j);
                modSeqs[n++] = newer.modSeq(j++);
                if (nu == ou) {
                    i++;
                }
            } else {
                uids[n] = (int) ou;
                flags[n] = older.flags(i);
                modSeqs[n++] = older.modSeq(i++);
            }
        }
        return new MailboxSnapshot(newer.mailboxId(), newer.uidValidity(), newer.uidNext(), newer.highestModSeq(),
                Arrays.copyOf(uids, n), Arrays.copyOf(flags, n), Arrays.copyOf(modSeqs, n));
    }

    static Set<String> keywordsIn(MailboxSnapshot s) {
        Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        IdentityHashMap<Flags, Boolean> seen = new IdentityHashMap<>();
        for (int i = 0; i < s.size(); i++) {
            Flags f = s.flags(i);
            if (!f.keywords().isEmpty() && seen.put(f, Boolean.TRUE) == null) {
                out.addAll(f.keywords());
            }
        }
        return out;
    }

    /** Whether a change hint arrived since the last sync. */
    public boolean dirty() {
        return dirty;
    }

    @Override
    public void close() {
        mailbox.close();
    }
}
