package org.poststelle.store.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
        ev.loadFacts(undated, undated.length, false);
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
        ThreadNode built;

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
        prune(root); // (3)
        groupBySubject(root); // (4)
        sortByDate(root); // (5)
        return toNodes(root);
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

    /** Containers below {@code root} with every child before its parent (iterative: threads can be deep). */
    private static List<Container> postOrder(Container root) {
        List<Container> pre = new ArrayList<>();
        ArrayDeque<Container> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Container c = stack.pop();
            pre.add(c);
            for (Container child : c.children) {
                stack.push(child);
            }
        }
        Collections.reverse(pre);
        return pre;
    }

    /** Step (3): drops dummies without children and splices other dummies' children into their place. */
    private static void prune(Container root) {
        for (Container node : postOrder(root)) {
            if (node.children.isEmpty()) {
                continue;
            }
            List<Container> kept = new ArrayList<>(node.children.size());
            for (Container c : node.children) {
                if (!c.isDummy()) {
                    kept.add(c);
                } else if (c.children.isEmpty()) {
                    c.parent = null;
                } else if (node == root && c.children.size() > 1) {
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
    }

    /**
     * Step (4): threads under the root with the same base subject are gathered. The root's list is rebuilt at
     * the end, so merging many threads stays linear.
     */
    private static void groupBySubject(Container root) {
        List<Container> roots = new ArrayList<>(root.children);
        Map<String, Container> table = new HashMap<>();
        for (Container c : roots) {
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
        Map<Container, Container> wrapped = new HashMap<>();
        for (Container c : roots) {
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
                for (Container child : c.children) {
                    t.add(child);
                }
                c.children.clear();
                c.parent = null;
            } else if (t.isDummy()) {
                t.add(c);
            } else if (!c.isDummy() && c.msg.replyOrForward() && !t.msg.replyOrForward()) {
                t.add(c);
            } else {
                // a new dummy takes t's place under the root, with t and c as its children
                Container dummy = new Container();
                dummy.parent = root;
                wrapped.put(t, dummy);
                dummy.add(t);
                dummy.add(c);
                table.put(subject, dummy);
            }
        }
        root.children.clear();
        for (Container c : roots) {
            Container top = wrapped.getOrDefault(c, c);
            if (top.parent == root) {
                root.children.add(top);
            }
        }
    }

    private static String subjectOf(Container c) {
        Container m = c.isDummy() ? c.children.get(0) : c;
        return m.msg == null ? "" : m.msg.baseSubject();
    }

    /**
     * Step (5): siblings by sent date (a dummy by its first child's), ties by sequence. Below the root only
     * messages have children ordered by themselves; a dummy under the root needs its children sorted before the
     * root's, which is done last.
     */
    private static void sortByDate(Container root) {
        ArrayDeque<Container> stack = new ArrayDeque<>(root.children);
        while (!stack.isEmpty()) {
            Container c = stack.pop();
            if (c.children.size() > 1) {
                c.children.sort((a, b) -> BY_DATE.compare(a.representative(), b.representative()));
            }
            for (Container child : c.children) {
                stack.push(child);
            }
        }
        root.children.sort((a, b) -> BY_DATE.compare(a.representative(), b.representative()));
    }

    private static List<ThreadNode> toNodes(Container root) {
        for (Container c : postOrder(root)) {
            if (c == root) {
                break;
            }
            List<ThreadNode> children = new ArrayList<>(c.children.size());
            for (Container child : c.children) {
                children.add(child.built);
                child.built = null;
            }
            c.built = new ThreadNode(c.isDummy() ? 0 : c.msg.uid(), children);
        }
        List<ThreadNode> out = new ArrayList<>(root.children.size());
        for (Container c : root.children) {
            out.add(c.built);
        }
        return out;
    }
}
