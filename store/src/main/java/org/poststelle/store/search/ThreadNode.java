package org.poststelle.store.search;

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
        StringBuilder sb = new StringBuilder();
        for (ThreadNode t : threads) {
            sb.append('(');
            t.appendMembers(sb, number);
            sb.append(')');
        }
        return sb.toString();
    }

    private void appendMembers(StringBuilder sb, LongUnaryOperator number) {
        ThreadNode node = this;
        boolean first = true;
        while (true) {
            if (!node.isDummy()) {
                if (!first) {
                    sb.append(' ');
                }
                sb.append(number.applyAsLong(node.uid));
                first = false;
            }
            if (node.children.size() == 1) {
                node = node.children.get(0);
                continue;
            }
            if (!node.children.isEmpty()) {
                if (!first) {
                    sb.append(' ');
                }
                for (ThreadNode c : node.children) {
                    sb.append('(');
                    c.appendMembers(sb, number);
                    sb.append(')');
                }
            }
            return;
        }
    }
}
