package org.poststelle.store.search;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.poststelle.store.Mailbox;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.UidSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SEARCH, SORT and THREAD over one mailbox, through the public store API only ({@link Mailbox#snapshot()},
 * {@link Mailbox#meta}, {@link Mailbox#content}), so every backend gets them. One instance per server (it holds
 * the shared {@link HeaderCache}); thread-safe; each call runs on the caller's thread.
 *
 * <p>What is read for a key: flags, UIDs, modseq and \Recent come from the session's snapshot; sizes, internal
 * and save dates from the message index ({@link Mailbox#meta}, then kept in the {@link HeaderCache}), EMAILID
 * from the index each time; FROM, TO, CC, BCC, SUBJECT, HEADER on those fields and on Message-ID, the SENT*
 * keys, SORT and THREAD from cached headers (each message's header is read once, then kept in the
 * {@link HeaderCache}); BODY, TEXT and HEADER on other fields by streaming the message. Cheap keys are
 * answered first; the expensive ones only run on messages the cheap ones leave open ({@link SearchPlan}).
 *
 * <p>Messages of the snapshot that were expunged meanwhile do not match keys that must read them; keys answered
 * from the snapshot or the cache may still match them (the session still shows them until it reports the
 * EXPUNGE). An I/O error reading a message is a {@link StoreException} (TEMPORARY); a malformed message never
 * fails a search.
 */
public final class SearchEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SearchEngine.class);

    private final HeaderCache cache;
    private final FullTextIndex index;

    public SearchEngine(HeaderCache cache) {
        this(cache, FullTextIndex.NONE);
    }

    public SearchEngine(HeaderCache cache, FullTextIndex index) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.index = Objects.requireNonNull(index, "index");
    }

    /**
     * Runs a search program over the messages of {@code snapshot}.
     *
     * @param snapshot the session's snapshot: its messages are the ones searched, its flags the ones tested
     */
    public SearchResult search(Mailbox mailbox, MailboxSnapshot snapshot, SearchQuery query, SearchContext context) {
        Evaluation ev = evaluate(mailbox, snapshot, query, context);
        UidSet.Builder uids = new UidSet.Builder();
        long highest = 0;
        for (int k = 0; k < ev.matchCount; k++) {
            int i = ev.matches[k];
            uids.add(snapshot.uid(i));
            highest = Math.max(highest, snapshot.modSeq(i));
        }
        return new SearchResult(uids.build(), highest);
    }

    /**
     * SORT (RFC 5256, RFC 5957): the messages matching {@code query}, ordered by {@code criteria}, ties in
     * mailbox order.
     *
     * @return UIDs in sorted order (the IMAP layer maps them to sequence numbers for SORT without UID)
     */
    public long[] sort(Mailbox mailbox, MailboxSnapshot snapshot, List<SortCriterion> criteria, SearchQuery query,
            SearchContext context) {
        Evaluation ev = evaluate(mailbox, snapshot, query, context);
        return Sorting.sort(ev, criteria);
    }

    /**
     * THREAD (RFC 5256): the messages matching {@code query}, grouped into threads.
     *
     * @return the threads in order; nodes carry UIDs
     */
    public List<ThreadNode> thread(Mailbox mailbox, MailboxSnapshot snapshot, ThreadAlgorithm algorithm,
            SearchQuery query, SearchContext context) {
        Evaluation ev = evaluate(mailbox, snapshot, query, context);
        return Threading.thread(ev, algorithm);
    }

    private Evaluation evaluate(Mailbox mailbox, MailboxSnapshot snapshot, SearchQuery query,
            SearchContext context) {
        Instant now = context.now() != null ? context.now() : Instant.now();
        SearchPlan plan = new SearchPlan(withIndexAnswers(mailbox, snapshot, query), context, now);
        Evaluation ev = new Evaluation(mailbox, snapshot);
        int[] open = new int[snapshot.size()];
        for (int i = 0; i < open.length; i++) {
            open[i] = i;
        }
        int openCount = open.length;
        int[] matches = new int[snapshot.size()];
        int matchCount = 0;
        SearchPlan.Message m = new SearchPlan.Message();
        for (int level = SearchPlan.SNAPSHOT; level <= SearchPlan.CONTENT && openCount > 0; level++) {
            if (level > SearchPlan.SNAPSHOT && !plan.uses(level)) {
                continue;
            }
            if (level == SearchPlan.META) {
                ev.loadFacts(open, openCount, plan.needsEmailId);
            } else if (level == SearchPlan.HEADERS) {
                ev.loadHeaders(open, openCount);
            }
            int stillOpen = 0;
            for (int k = 0; k < openCount; k++) {
                int i = open[k];
                if (ev.gone[i]) {
                    continue;
                }
                m.uid = snapshot.uid(i);
                m.flags = snapshot.flags(i);
                m.modSeq = snapshot.modSeq(i);
                if (ev.sizes != null) {
                    m.size = ev.sizes[i];
                    m.internalDate = ev.internalDates[i];
                    m.saveDate = ev.saveDates[i];
                    m.emailId = ev.emailIds == null ? null : ev.emailIds[i];
                }
                m.headers = ev.headers == null ? null : ev.headers[i];
                m.scan = null;
                if (level == SearchPlan.CONTENT) {
                    m.scan = ev.scan(i, plan.scanSpec);
                    if (m.scan == null) {
                        continue;
                    }
                }
                byte r = plan.root.eval(m, level);
                if (r == SearchPlan.UNKNOWN) {
                    open[stillOpen++] = i;
                } else if (r == SearchPlan.TRUE) {
                    matches[matchCount++] = i;
                }
            }
            openCount = stillOpen;
        }
        Arrays.sort(matches, 0, matchCount);
        ev.matches = matches;
        ev.matchCount = matchCount;
        return ev;
    }

    private static long millis(Instant t) {
        return t == null ? 0 : t.toEpochMilli();
    }

    /** Lets the full-text index answer text keys where it can; the rest is answered by reading messages. */
    private SearchQuery withIndexAnswers(Mailbox mailbox, MailboxSnapshot snapshot, SearchQuery q) {
        if (index == FullTextIndex.NONE) {
            return q;
        }
        if (q instanceof SearchQuery.And and) {
            List<SearchQuery> parts = new ArrayList<>();
            for (SearchQuery c : and.queries()) {
                parts.add(withIndexAnswers(mailbox, snapshot, c));
            }
            return new SearchQuery.And(parts);
        }
        if (q instanceof SearchQuery.Or or) {
            return new SearchQuery.Or(withIndexAnswers(mailbox, snapshot, or.left()),
                    withIndexAnswers(mailbox, snapshot, or.right()));
        }
        if (q instanceof SearchQuery.Not not) {
            return new SearchQuery.Not(withIndexAnswers(mailbox, snapshot, not.query()));
        }
        if (q instanceof SearchQuery.TextKey key) {
            FullTextIndex.Answer a = index.answer(mailbox, snapshot, key);
            if (a != null) {
                // exact where covered, read the message where not
                return new SearchQuery.Or(new SearchQuery.Uids(a.matches().intersect(a.covered())),
                        new SearchQuery.And(List.of(new SearchQuery.Not(new SearchQuery.Uids(a.covered())), q)));
            }
        }
        return q;
    }

    /** One evaluation's loaded data, indexed like the snapshot; reused by sort and thread. */
    final class Evaluation {
        final Mailbox mailbox;
        final MailboxSnapshot snapshot;
        final HeaderCache.MailboxEntries cached;
        final boolean[] gone;
        /** Index facts, loaded where {@code hasFacts}; a missing save date is the internal date (RFC 8514). */
        long[] sizes;
        long[] internalDates;
        long[] saveDates;
        boolean[] hasFacts;
        String[] emailIds;
        CachedHeaders[] headers;
        int[] matches;
        int matchCount;
        private TextScanner scanner;

        Evaluation(Mailbox mailbox, MailboxSnapshot snapshot) {
            this.mailbox = mailbox;
            this.snapshot = snapshot;
            this.cached = cache.forMailbox(snapshot.mailboxId(), snapshot.uidValidity());
            this.gone = new boolean[snapshot.size()];
        }

        /**
         * Loads size, internal date and save date (and EMAILID when asked) for the given snapshot indexes
         * (ascending): from the cache, else from the store's index, caching what was missing.
         */
        void loadFacts(int[] idx, int count, boolean withEmailId) {
            int n = snapshot.size();
            if (sizes == null) {
                sizes = new long[n];
                internalDates = new long[n];
                saveDates = new long[n];
                hasFacts = new boolean[n];
            }
            if (withEmailId && emailIds == null) {
                emailIds = new String[n];
            }
            HeaderCache.MailboxEntries.State st = cached.view();
            HeaderCache.Cursor cursor = new HeaderCache.Cursor(st.factUids());
            UidSet.Builder want = new UidSet.Builder();
            int wanted = 0;
            for (int k = 0; k < count; k++) {
                int i = idx[k];
                if (gone[i]) {
                    continue;
                }
                long uid = snapshot.uid(i);
                if (!hasFacts[i]) {
                    int c = cursor.find(uid);
                    if (c >= 0) {
                        sizes[i] = st.sizes()[c];
                        internalDates[i] = st.internalDates()[c];
                        saveDates[i] = st.saveDates()[c];
                        hasFacts[i] = true;
                    }
                }
                if (!hasFacts[i] || withEmailId && emailIds[i] == null) {
                    want.add(uid);
                    wanted++;
                }
            }
            if (wanted == 0) {
                return;
            }
            long[] newUids = new long[wanted];
            long[] newSizes = new long[wanted];
            long[] newInternal = new long[wanted];
            long[] newSaved = new long[wanted];
            int[] added = {0};
            boolean[] received = new boolean[n];
            mailbox.meta(want.build(), meta -> {
                int i = snapshot.indexOf(meta.uid());
                if (i < 0) {
                    return;
                }
                received[i] = true;
                if (withEmailId) {
                    emailIds[i] = meta.emailId();
                }
                if (!hasFacts[i]) {
                    sizes[i] = meta.size();
                    internalDates[i] = millis(meta.internalDate());
                    saveDates[i] = meta.saveDate() != null ? millis(meta.saveDate()) : internalDates[i];
                    hasFacts[i] = true;
                    int a = added[0]++;
                    newUids[a] = meta.uid();
                    newSizes[a] = sizes[i];
                    newInternal[a] = internalDates[i];
                    newSaved[a] = saveDates[i];
                }
            });
            for (int k = 0; k < count; k++) {
                int i = idx[k];
                if (!received[i] && (!hasFacts[i] || withEmailId && emailIds[i] == null)) {
                    gone[i] = true;
                }
            }
            if (added[0] > 0) {
                cached.putFacts(newUids, newSizes, newInternal, newSaved, added[0], snapshot);
            }
        }

        /** Loads cached headers for the given snapshot indexes (ascending), reading and caching missing ones. */
        void loadHeaders(int[] idx, int count) {
            if (headers == null) {
                headers = new CachedHeaders[snapshot.size()];
            }
            HeaderCache.MailboxEntries.State st = cached.view();
            HeaderCache.Cursor cursor = new HeaderCache.Cursor(st.headerUids());
            long[] newUids = new long[16];
            CachedHeaders[] newEntries = new CachedHeaders[16];
            int added = 0;
            for (int k = 0; k < count; k++) {
                int i = idx[k];
                if (headers[i] != null || gone[i]) {
                    continue;
                }
                long uid = snapshot.uid(i);
                int c = cursor.find(uid);
                CachedHeaders h = c >= 0 ? st.headers()[c] : null;
                if (h == null) {
                    h = readHeaders(uid);
                    if (h == null) {
                        gone[i] = true;
                        continue;
                    }
                    if (added == newUids.length) {
                        newUids = Arrays.copyOf(newUids, added * 2);
                        newEntries = Arrays.copyOf(newEntries, added * 2);
                    }
                    newUids[added] = uid;
                    newEntries[added++] = h;
                }
                headers[i] = h;
            }
            if (added > 0) {
                cached.putHeaders(newUids, newEntries, added, snapshot);
            }
        }

        private CachedHeaders readHeaders(long uid) {
            try (InputStream in = mailbox.content(uid).open()) {
                return HeaderReader.read(in);
            } catch (StoreException e) {
                if (e.reason() == StoreException.Reason.MESSAGE_GONE) {
                    return null;
                }
                throw e;
            } catch (IOException e) {
                throw new StoreException(StoreException.Reason.TEMPORARY, "cannot read a message", e);
            } catch (RuntimeException e) {
                LOG.warn("cannot parse the header of message {} in mailbox {}: {}", uid, snapshot.mailboxId(),
                        e.toString());
                return HeaderReader.empty();
            }
        }

        /** Reads a message for the content keys; null when it is gone. The scanner is reused for the next one. */
        TextScanner scan(int i, TextScanner.Spec spec) {
            long uid = snapshot.uid(i);
            if (scanner == null) {
                scanner = new TextScanner(spec);
            }
            try (InputStream in = mailbox.content(uid).open()) {
                scanner.scan(in);
            } catch (StoreException e) {
                if (e.reason() == StoreException.Reason.MESSAGE_GONE) {
                    gone[i] = true;
                    return null;
                }
                throw e;
            } catch (IOException e) {
                throw new StoreException(StoreException.Reason.TEMPORARY, "cannot read a message", e);
            } catch (RuntimeException e) {
                LOG.warn("cannot parse message {} in mailbox {}: {}", uid, snapshot.mailboxId(), e.toString());
            }
            return scanner;
        }
    }
}
