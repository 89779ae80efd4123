package org.poststelle.store.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** THREAD=ORDEREDSUBJECT and THREAD=REFERENCES (RFC 5256 section 3) over an evaluation's matches. */
final class Threading {
    private Threading() {
    }

    static List<ThreadNode> thread(SearchEngine.Evaluation ev, ThreadAlgorithm algorithm) {
        ev.loadHeaders(ev.matches, ev.matchCount);
        int[] undated = Sorting.withoutDate(ev);
        ev.loadMeta(undated, undated.length);
        List<Msg> msgs = new ArrayList<>(ev.matchCount);
        for (int k = 0; k < ev.matchCount; k++) {
            int i = ev.matches[k];
            if (!ev.gone[i]) {
                msgs.add(new Msg(i, ev.snapshot.uid(i), ev.headers[i], Sorting.sentDate(ev, i)));
            }
        }
        return algorithm == ThreadAlgorithm.ORDEREDSUBJECT ? orderedSubject(msgs) : references(msgs);
    }

    /** A message to thread; {@code seq} is its snapshot index, the tie-breaker everywhere. */
    private record Msg(int seq, long uid, CachedHeaders headers, long date) {
        String baseSubject() {
            return headers.string(CachedHeaders.SORT_SUBJECT);
        }

        boolean replyOrForward() {
            return headers.has(CachedHeaders.REPLY_OR_FORWARD);
        }
    }

    private static final Comparator<Msg> BY_DATE = Comparator.comparingLong(Msg::date).thenComparingInt(Msg::seq);

    // ---- ORDEREDSUBJECT -----------------------------------------------------------------------------------------

    /**
     * Sorted by base subject, then sent date; split into threads of equal base subject, each thread's first
     * message the parent of all the others; threads ordered by their first message's sent date.
     */
    private static List<ThreadNode> orderedSubject(List<Msg> msgs) {
        Map<String, List<Msg>> groups = new HashMap<>();
        for (Msg m : msgs) {
            groups.computeIfAbsent(m.baseSubject(), s -> new ArrayList<>()).add(m);
        }
        List<List<Msg>> threads = new ArrayList<>(groups.values());
        for (List<Msg> t : threads) {
            t.sort(BY_DATE);
        }
        threads.sort((a, b) -> BY_DATE.compare(a.get(0), b.get(0)));
        List<ThreadNode> out = new ArrayList<>(threads.size());
        for (List<Msg> t : threads) {
            List<ThreadNode> children = new ArrayList<>(t.size() - 1);
            for (Msg m : t.subList(1, t.size())) {
                children.add(new ThreadNode(m.uid(), List.of()));
            }
            out.add(new ThreadNode(t.get(0).uid(), children));
        }
        return out;
    }

    // ---- REFERENCES ---------------------------------------------------------------------------------------------

    /** A node of the REFERENCES tree: a message, or a dummy standing for a referenced message not in the set. */
    private static final class Container {
        Msg msg;
        Container parent;
        final List<Container> children = new ArrayList<>(2);

        boolean isDummy() {
            return msg == null;
        }

        boolean hasDescendant(Container c) {
            for (Container p = c; p != null; p = p.parent) {
                if (p == this) {
                    return true;
                }
            }
            return false;
        }

        void add(Container child) {
            child.parent = this;
            children.add(child);
        }

        void unlink() {
            if (parent != null) {
                parent.children.remove(this);
                parent = null;
            }
        }

        /** The message that stands for this container when sorting or comparing subjects. */
        Msg representative() {
            Container c = this;
            while (c.isDummy() && !c.children.isEmpty()) {
                c = c.children.get(0);
            }
            return c.msg;
        }
    }

    private static List<ThreadNode> references(List<Msg> msgs) {
        Map<String, Container> byId = new LinkedHashMap<>();
        List<Container> all = new ArrayList<>();
        for (Msg m : msgs) {
            link(m, byId, all);
        }
        // (2) the root set: containers without a parent
        Container root = new Container();
        for (Container c : all) {
            if (c.parent == null) {
                root.add(c);
            }
        }
        prune(root, true); // (3)
        groupBySubject(root); // (4)
        sortByDate(root); // (5)
        List<ThreadNode> out = new ArrayList<>(root.children.size());
        for (Container c : root.children) {
            out.add(toNode(c));
        }
        return out;
    }

    /** Step (1): links a message to the messages it references. */
    private static void link(Msg m, Map<String, Container> byId, List<Container> all) {
        String refHeader = m.headers().string(CachedHeaders.REFERENCES);
        List<String> refs = refHeader.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(refHeader.split(" ")));
        if (refs.isEmpty()) {
            String inReplyTo = m.headers().string(CachedHeaders.IN_REPLY_TO);
            if (!inReplyTo.isEmpty()) {
                refs.add(inReplyTo);
            }
        }
        // (A) link the references as a chain, each the parent of the next
        Container previous = null;
        for (String id : refs) {
            Container c = byId.get(id);
            if (c == null) {
                c = new Container();
                byId.put(id, c);
                all.add(c);
            }
            // never change an existing link, never make a loop
            if (previous != null && c.parent == null && !c.hasDescendant(previous)) {
                previous.add(c);
            }
            previous = c;
        }
        // the message's own container: a dummy waiting for it, or a new one (a missing or duplicate
        // Message-ID counts as a unique one)
        String id = m.headers().string(CachedHeaders.MESSAGE_ID);
        Container self = id.isEmpty() ? null : byId.get(id);
        if (self == null || !self.isDummy()) {
            self = new Container();
            if (!id.isEmpty() && !byId.containsKey(id)) {
                byId.put(id, self);
            }
            all.add(self);
        }
        self.msg = m;
        // (B) the last reference becomes the parent, replacing any parent the container had
        self.unlink();
        if (previous != null && !self.hasDescendant(previous)) {
            previous.add(self);
        }
    }

    /** Step (3): drops dummies without children and splices other dummies' children into their place. */
    private static void prune(Container node, boolean isRoot) {
        List<Container> kept = new ArrayList<>(node.children.size());
        for (Container c : new ArrayList<>(node.children)) {
            prune(c, false);
            if (!c.isDummy()) {
                kept.add(c);
            } else if (c.children.isEmpty()) {
                c.parent = null;
            } else if (isRoot && c.children.size() > 1) {
                kept.add(c); // promoting would make several threads out of one
            } else {
                for (Container child : c.children) {
                    child.parent = node;
                    kept.add(child);
                }
                c.children.clear();
                c.parent = null;
            }
        }
        node.children.clear();
        node.children.addAll(kept);
    }

    /** Step (4): threads under the root with the same base subject are gathered. */
    private static void groupBySubject(Container root) {
        Map<String, Container> table = new HashMap<>();
        for (Container c : root.children) {
            String subject = subjectOf(c);
            if (subject.isEmpty()) {
                continue;
            }
            Container old = table.get(subject);
            if (old == null) {
                table.put(subject, c);
            } else if (!old.isDummy() && (c.isDummy()
                    || old.msg.replyOrForward() && !c.msg.replyOrForward())) {
                table.put(subject, c);
            }
        }
        for (Container c : new ArrayList<>(root.children)) {
            if (c.parent != root) {
                continue; // already merged into another thread
            }
            String subject = subjectOf(c);
            if (subject.isEmpty()) {
                continue;
            }
            Container t = table.get(subject);
            if (t == c) {
                continue;
            }
            if (t.isDummy() && c.isDummy()) {
                for (Container child : new ArrayList<>(c.children)) {
                    t.add(child);
                }
                c.children.clear();
                c.unlink();
            } else if (t.isDummy()) {
                c.unlink();
                t.add(c);
            } else if (!c.isDummy() && c.msg.replyOrForward() && !t.msg.replyOrForward()) {
                c.unlink();
                t.add(c);
            } else {
                Container dummy = new Container();
                int at = root.children.indexOf(t);
                t.parent = null;
                dummy.parent = root;
                root.children.set(at, dummy);
                dummy.add(t);
                c.unlink();
                dummy.add(c);
                table.put(subject, dummy);
            }
        }
    }

    private static String subjectOf(Container c) {
        Container m = c.isDummy() ? c.children.get(0) : c;
        return m.msg == null ? "" : m.msg.baseSubject();
    }

    /** Step (5): siblings by sent date (a dummy by its first child's), ties by sequence; children first. */
    private static void sortByDate(Container node) {
        for (Container c : node.children) {
            sortByDate(c);
        }
        node.children.sort((a, b) -> BY_DATE.compare(a.representative(), b.representative()));
    }

    private static ThreadNode toNode(Container c) {
        List<ThreadNode> children = new ArrayList<>(c.children.size());
        for (Container child : c.children) {
            children.add(toNode(child));
        }
        return new ThreadNode(c.isDummy() ? 0 : c.msg.uid(), children);
    }
}
