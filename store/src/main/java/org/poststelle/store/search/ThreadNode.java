package org.poststelle.store.search;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * One message of a THREAD result with its replies, or a dummy (a message that is referenced but not among the
 * results) holding several threads that belong together.
 *
 * @param uid the message's UID, or 0 for a dummy
 * @param children the replies, in thread order
 */
public record ThreadNode(long uid, List<ThreadNode> children) {

    public ThreadNode {
        children = List.copyOf(children);
    }

    public boolean isDummy() {
        return uid == 0;
    }

    /**
     * The IMAP form of a THREAD response's data (RFC 5256 section 4): {@code (2)(3 6 (4 23)(44 7 96))}. A
     * message followed by its only reply is written as a sequence; several replies are written as nested lists.
     *
     * @param number maps a UID to the number to write: the UID itself for UID THREAD, its message sequence number
     *        otherwise
     */
    public static String render(List<ThreadNode> threads, LongUnaryOperator number) {
        // iterative: a thread can be deeper than the call stack
        StringBuilder sb = new StringBuilder();
        ArrayDeque<Object> work = new ArrayDeque<>();
        for (int i = threads.size() - 1; i >= 0; i--) {
            work.push(")");
            work.push(threads.get(i));
            work.push("(");
        }
        while (!work.isEmpty()) {
            Object next = work.pop();
            if (next instanceof String text) {
                sb.append(text);
                continue;
            }
            // a node, its single replies inline, then its several replies as nested lists
            ThreadNode node = (ThreadNode) next;
            boolean first = true;
            while (true) {
                if (!node.isDummy()) {
                    if (!first) {
                        sb.append(' ');
                    }
                    sb.append(number.applyAsLong(node.uid));
                    first = false;
                }
                if (node.children.size() != 1) {
                    break;
                }
                node = node.children.get(0);
            }
            if (!node.children.isEmpty()) {
                if (!first) {
                    sb.append(' ');
                }
                for (int i = node.children.size() - 1; i >= 0; i--) {
                    work.push(")");
                    work.push(node.children.get(i));
                    work.push("(");
                }
            }
        }
        return sb.toString();
    }
}
