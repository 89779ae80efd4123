package org.poststelle.store.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.poststelle.store.model.UidSet;

/**
 * A search program compiled for evaluation in rounds of rising cost. Every key has a level: what it needs to be
 * answered ({@link #SNAPSHOT} flags/UIDs/modseq, {@link #META} the message index, {@link #HEADERS} cached
 * headers, {@link #CONTENT} the message text). A round evaluates the program with three-valued logic on what its
 * level provides; messages that come out unknown go to the next round, so expensive keys run only on the
 * messages the cheap ones leave open (e.g. {@code UNSEEN BODY x} reads only unseen messages), and a program that
 * needs no headers or text never touches them.
 */
final class SearchPlan {
    static final byte FALSE = 0;
    static final byte TRUE = 1;
    static final byte UNKNOWN = 2;

    static final int SNAPSHOT = 0;
    static final int META = 1;
    static final int HEADERS = 2;
    static final int CONTENT = 3;

    /** What the rounds have loaded about one message. */
    static final class Message {
        long uid;
        org.poststelle.store.model.Flags flags;
        long modSeq;
        long size;
        long internalDate;
        long saveDate;
        String emailId;
        CachedHeaders headers;
        TextScanner scan;
    }

    abstract static class Node {
        final int level;

        Node(int level) {
            this.level = level;
        }

        /** TRUE, FALSE, or UNKNOWN when the answer needs a level above {@code available}. */
        abstract byte eval(Message m, int available);
    }

    private static final class Const extends Node {
        private final byte value;

        Const(boolean value) {
            super(SNAPSHOT);
            this.value = value ? TRUE : FALSE;
        }

        @Override
        byte eval(Message m, int available) {
            return value;
        }
    }

    private static final class Leaf extends Node {
        private final Predicate<Message> test;

        Leaf(int level, Predicate<Message> test) {
            super(level);
            this.test = test;
        }

        @Override
        byte eval(Message m, int available) {
            return level > available ? UNKNOWN : test.test(m) ? TRUE : FALSE;
        }
    }

    private static final class AndNode extends Node {
        private final Node[] children;

        AndNode(List<Node> children) {
            super(children.stream().mapToInt(c -> c.level).max().orElse(SNAPSHOT));
            this.children = children.stream().sorted(Comparator.comparingInt(c -> c.level)).toArray(Node[]::new);
        }

        @Override
        byte eval(Message m, int available) {
            byte result = TRUE;
            for (Node c : children) {
                byte r = c.eval(m, available);
                if (r == FALSE) {
                    return FALSE;
                }
                if (r == UNKNOWN) {
                    result = UNKNOWN;
                }
            }
            return result;
        }
    }

    private static final class OrNode extends Node {
        private final Node[] children;

        OrNode(Node a, Node b) {
            super(Math.max(a.level, b.level));
            this.children = a.level <= b.level ? new Node[] {a, b} : new Node[] {b, a};
        }

        @Override
        byte eval(Message m, int available) {
            byte result = FALSE;
            for (Node c : children) {
                byte r = c.eval(m, available);
                if (r == TRUE) {
                    return TRUE;
                }
                if (r == UNKNOWN) {
                    result = UNKNOWN;
                }
            }
            return result;
        }
    }

    private static final class NotNode extends Node {
        private final Node child;

        NotNode(Node child) {
            super(child.level);
            this.child = child;
        }

        @Override
        byte eval(Message m, int available) {
            byte r = child.eval(m, available);
            return r == UNKNOWN ? UNKNOWN : r == TRUE ? FALSE : TRUE;
        }
    }

    final Node root;
    private final boolean[] levels = new boolean[CONTENT + 1];
    private final List<String> headerNames = new ArrayList<>();
    private final List<Needle> headerNeedles = new ArrayList<>();
    private final List<Needle> bodyNeedles = new ArrayList<>();
    private final List<Needle> textNeedles = new ArrayList<>();
    final TextScanner.Spec scanSpec;
    /** EMAILID is not cached: a program with it asks the store for the messages' MessageMeta. */
    boolean needsEmailId;
    private final SearchContext context;
    private final ZoneId zone;
    private final long nowMillis;

    SearchPlan(SearchQuery query, SearchContext context, Instant now) {
        this.context = context;
        this.zone = context.zone();
        this.nowMillis = now.toEpochMilli();
        this.root = compile(query);
        this.scanSpec = new TextScanner.Spec(List.copyOf(headerNames), List.copyOf(headerNeedles),
                List.copyOf(bodyNeedles), List.copyOf(textNeedles));
    }

    /** Whether some key needs what {@code level} loads. */
    boolean uses(int level) {
        return levels[level];
    }

    private Node leaf(int level, Predicate<Message> test) {
        levels[level] = true;
        return new Leaf(level, test);
    }

    private Node compile(SearchQuery q) {
        if (q instanceof SearchQuery.All) {
            return new Const(true);
        }
        if (q instanceof SearchQuery.And and) {
            if (and.queries().isEmpty()) {
                return new Const(true);
            }
            List<Node> children = new ArrayList<>();
            for (SearchQuery c : and.queries()) {
                children.add(compile(c));
            }
            return children.size() == 1 ? children.get(0) : new AndNode(children);
        }
        if (q instanceof SearchQuery.Or or) {
            return new OrNode(compile(or.left()), compile(or.right()));
        }
        if (q instanceof SearchQuery.Not not) {
            return new NotNode(compile(not.query()));
        }
        Node n = snapshotKey(q);
        if (n == null) {
            n = metaKey(q);
        }
        if (n == null) {
            n = headerKey(q);
        }
        if (n == null) {
            n = contentKey(q);
        }
        if (n == null) {
            throw new IllegalArgumentException("unknown search key " + q);
        }
        return n;
    }

    private Node snapshotKey(SearchQuery q) {
        if (q instanceof SearchQuery.Uids u) {
            UidSet set = u.uids();
            return leaf(SNAPSHOT, m -> set.contains(m.uid));
        }
        if (q instanceof SearchQuery.Flag f) {
            int bit = f.flag().bit();
            boolean set = f.set();
            return leaf(SNAPSHOT, m -> m.flags.has(bit) == set);
        }
        if (q instanceof SearchQuery.Keyword k) {
            String keyword = k.keyword();
            boolean set = k.set();
            return leaf(SNAPSHOT, m -> m.flags.hasKeyword(keyword) == set);
        }
        if (q instanceof SearchQuery.Recent) {
            UidSet recent = context.recent();
            return leaf(SNAPSHOT, m -> recent.contains(m.uid));
        }
        if (q instanceof SearchQuery.ModSeq ms) {
            long min = ms.modSeq();
            return leaf(SNAPSHOT, m -> m.modSeq >= min);
        }
        if (q instanceof SearchQuery.SaveDateSupported) {
            return new Const(context.saveDateSupported());
        }
        if (q instanceof SearchQuery.ThreadId) {
            return new Const(false);
        }
        return null;
    }

    private Node metaKey(SearchQuery q) {
        if (q instanceof SearchQuery.Larger l) {
            long n = l.bytes();
            return leaf(META, m -> m.size > n);
        }
        if (q instanceof SearchQuery.Smaller s) {
            long n = s.bytes();
            return leaf(META, m -> m.size < n);
        }
        if (q instanceof SearchQuery.InternalDate d) {
            DayTest t = dayTest(d.relation(), d.day());
            return leaf(META, m -> t.test(m.internalDate));
        }
        if (q instanceof SearchQuery.SaveDate d) {
            DayTest t = dayTest(d.relation(), d.day());
            return leaf(META, m -> t.test(m.saveDate));
        }
        if (q instanceof SearchQuery.Older o) {
            long limit = nowMillis - o.seconds() * 1000;
            return leaf(META, m -> m.internalDate < limit);
        }
        if (q instanceof SearchQuery.Younger y) {
            long limit = nowMillis - y.seconds() * 1000;
            return leaf(META, m -> m.internalDate >= limit);
        }
        if (q instanceof SearchQuery.EmailId e) {
            String id = e.id();
            needsEmailId = true;
            return leaf(META, m -> id.equals(m.emailId));
        }
        return null;
    }

    private Node headerKey(SearchQuery q) {
        if (q instanceof SearchQuery.SentDate d) {
            SearchQuery.DateRelation rel = d.relation();
            long day = d.day().toEpochDay();
            // a missing or unreadable Date counts as 1 January 1970, as in Dovecot
            return leaf(HEADERS, m -> relation(rel, Long.compare(
                    m.headers.has(CachedHeaders.HAS_DATE) ? m.headers.sentEpochDay() : 0, day)));
        }
        if (q instanceof SearchQuery.Address a) {
            return cachedField(a.field().headerName(), a.value());
        }
        if (q instanceof SearchQuery.Subject s) {
            return cachedField("subject", s.value());
        }
        if (q instanceof SearchQuery.Header h) {
            return cachedField(h.field(), h.value());
        }
        return null;
    }

    /** A key on a header field the cache keeps, or null for other fields. */
    private Node cachedField(String name, String value) {
        int field;
        int bit;
        switch (name.toLowerCase(Locale.ROOT)) {
            case "from" -> {
                field = CachedHeaders.FROM;
                bit = CachedHeaders.HAS_FROM;
            }
            case "to" -> {
                field = CachedHeaders.TO;
                bit = CachedHeaders.HAS_TO;
            }
            case "cc" -> {
                field = CachedHeaders.CC;
                bit = CachedHeaders.HAS_CC;
            }
            case "bcc" -> {
                field = CachedHeaders.BCC;
                bit = CachedHeaders.HAS_BCC;
            }
            case "subject" -> {
                field = CachedHeaders.SUBJECT;
                bit = CachedHeaders.HAS_SUBJECT;
            }
            case "message-id" -> {
                field = CachedHeaders.MESSAGE_ID_VALUE;
                bit = CachedHeaders.HAS_MESSAGE_ID;
            }
            default -> {
                return null;
            }
        }
        Needle needle = new Needle(value);
        return leaf(HEADERS, m -> m.headers.has(bit) && m.headers.contains(field, needle));
    }

    private Node contentKey(SearchQuery q) {
        if (q instanceof SearchQuery.Header h) {
            int slot = headerNames.size();
            headerNames.add(h.field());
            headerNeedles.add(new Needle(h.value()));
            return leaf(CONTENT, m -> m.scan.headerFound(slot));
        }
        if (q instanceof SearchQuery.Body b) {
            int slot = bodyNeedles.size();
            bodyNeedles.add(new Needle(b.value()));
            return leaf(CONTENT, m -> m.scan.bodyFound(slot));
        }
        if (q instanceof SearchQuery.Text t) {
            int slot = textNeedles.size();
            textNeedles.add(new Needle(t.value()));
            return leaf(CONTENT, m -> m.scan.textFound(slot));
        }
        return null;
    }

    @FunctionalInterface
    private interface DayTest {
        boolean test(long epochMillis);
    }

    /** Compares a moment's day in the server zone with a day, as instants bounding that day. */
    private DayTest dayTest(SearchQuery.DateRelation relation, LocalDate day) {
        long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return switch (relation) {
            case BEFORE -> t -> t < start;
            case ON -> t -> t >= start && t < end;
            case SINCE -> t -> t >= start;
        };
    }

    private static boolean relation(SearchQuery.DateRelation rel, int cmp) {
        return switch (rel) {
            case BEFORE -> cmp < 0;
            case ON -> cmp == 0;
            case SINCE -> cmp >= 0;
        };
    }

}
