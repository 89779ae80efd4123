package org.poststelle.imap.handler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.poststelle.imap.command.ListMailboxes;
import org.poststelle.imap.command.ListMailboxes.Return;
import org.poststelle.imap.command.ListMailboxes.Selection;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.response.ListResponse;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.MailboxInfo;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.SpecialUse;

/**
 * LIST with LIST-EXTENDED (RFC 5258), LIST-STATUS (RFC 5819) and SPECIAL-USE (RFC 6154), and LSUB.
 * Mailboxes come from the store's tree; the patterns are matched here. INBOX is listed first.
 */
final class ListHandler implements CommandHandler<ListMailboxes> {
    private static final Comparator<String> INBOX_FIRST = Comparator
            .comparing((String n) -> !(n.equals("INBOX") || n.startsWith("INBOX/")))
            .thenComparing(Comparator.naturalOrder());

    @Override
    public Result handle(ListMailboxes cmd, ImapSession s) throws BadCommandException {
        String verb = cmd.lsub() ? "LSUB" : "LIST";
        for (String p : cmd.patterns()) {
            if (cmd.reference().length() + p.length() > MailboxPattern.MAX_LENGTH) {
                throw new BadCommandException("Pattern too long");
            }
        }
        if (cmd.patterns().size() == 1 && cmd.patterns().get(0).isEmpty()) {
            // the hierarchy delimiter query
            s.out().write(new ListResponse(verb, List.of("\\Noselect"), "", List.of()));
            return Result.ok(verb + " completed.");
        }
        List<MailboxPattern> patterns = new ArrayList<>();
        for (String p : cmd.patterns()) {
            patterns.add(MailboxPattern.of(cmd.reference(), p));
        }
        Map<String, MailboxInfo> tree = new LinkedHashMap<>();
        for (MailboxInfo info : s.mailboxes().list()) {
            tree.put(info.name().name(), info);
        }
        TreeSet<String> subscribed = new TreeSet<>();
        for (MailboxName n : s.mailboxes().subscriptions()) {
            subscribed.add(n.name());
        }
        if (cmd.lsub()) {
            lsub(s, patterns.get(0), tree, subscribed);
        } else {
            list(s, cmd, patterns, tree, subscribed);
        }
        return Result.ok(verb + " completed.");
    }

    private static void list(ImapSession s, ListMailboxes cmd, List<MailboxPattern> patterns,
            Map<String, MailboxInfo> tree, TreeSet<String> subscribed) {
        boolean onlySubscribed = cmd.selection().contains(Selection.SUBSCRIBED);
        boolean onlySpecial = cmd.selection().contains(Selection.SPECIAL_USE);
        boolean recursive = cmd.selection().contains(Selection.RECURSIVEMATCH);
        boolean showSubscribed = onlySubscribed || cmd.returns().contains(Return.SUBSCRIBED);
        boolean showSpecial = !cmd.extended() || onlySpecial || cmd.returns().contains(Return.SPECIAL_USE);
        TreeSet<String> names = new TreeSet<>(INBOX_FIRST);
        names.addAll(tree.keySet());
        if (onlySubscribed) {
            names.addAll(subscribed);
            for (String sub : subscribed) {
                for (MailboxName parent : new MailboxName(sub).ancestors()) {
                    names.add(parent.name());
                }
            }
        }
        for (String name : names) {
            if (!matchesAny(patterns, name)) {
                continue;
            }
            MailboxInfo info = tree.get(name);
            boolean selected = (!onlySubscribed || subscribed.contains(name))
                    && (!onlySpecial || (info != null && !info.specialUse().isEmpty()));
            List<String> childInfo = List.of();
            if (recursive && onlySubscribed && hasUnlistedSubscribedChild(name, subscribed, patterns)) {
                childInfo = List.of("SUBSCRIBED");
            }
            if (!selected && childInfo.isEmpty()) {
                continue;
            }
            List<String> attrs = attributes(info, showSpecial);
            if (showSubscribed && subscribed.contains(name)) {
                attrs.add("\\Subscribed");
            }
            s.out().write(new ListResponse("LIST", attrs, name, childInfo));
            if (cmd.returns().contains(Return.STATUS) && info != null && info.selectable()) {
                writeStatus(s, cmd, info.name());
            }
        }
    }

    private static void writeStatus(ImapSession s, ListMailboxes cmd, MailboxName name) {
        try {
            s.out().write(StatusValues.response(s, name, cmd.statusItems()));
        } catch (StoreException e) {
            // deleted meanwhile: RFC 5819 lets the server leave the STATUS out
        }
    }

    private static boolean hasUnlistedSubscribedChild(String name, TreeSet<String> subscribed,
            List<MailboxPattern> patterns) {
        String prefix = name + "/";
        for (String sub : subscribed.tailSet(prefix)) {
            if (!sub.startsWith(prefix)) {
                break;
            }
            if (!matchesAny(patterns, sub)) {
                return true;
            }
        }
        return false;
    }

    private static void lsub(ImapSession s, MailboxPattern pattern, Map<String, MailboxInfo> tree,
            Set<String> subscribed) {
        TreeSet<String> shown = new TreeSet<>(INBOX_FIRST);
        TreeSet<String> noselect = new TreeSet<>();
        for (String sub : subscribed) {
            if (pattern.matches(sub)) {
                shown.add(sub);
            } else if (pattern.endsWithPercent()) {
                // RFC 3501 6.3.9: a parent that "%" would match is shown \Noselect when only a child is subscribed
                for (MailboxName parent : new MailboxName(sub).ancestors()) {
                    if (pattern.matches(parent.name()) && !subscribed.contains(parent.name())) {
                        shown.add(parent.name());
                        noselect.add(parent.name());
                    }
                }
            }
        }
        for (String name : shown) {
            MailboxInfo info = tree.get(name);
            List<String> attrs = new ArrayList<>();
            if (noselect.contains(name) || info == null || !info.selectable()) {
                attrs.add("\\Noselect");
            }
            s.out().write(new ListResponse("LSUB", attrs, name, List.of()));
        }
    }

    private static List<String> attributes(MailboxInfo info, boolean specialUse) {
        List<String> attrs = new ArrayList<>();
        if (info == null) {
            attrs.add("\\NonExistent");
            return attrs;
        }
        if (!info.selectable()) {
            attrs.add("\\Noselect");
        }
        attrs.add(info.hasChildren() ? "\\HasChildren" : "\\HasNoChildren");
        if (specialUse) {
            for (SpecialUse u : SpecialUse.values()) {
                if (info.specialUse().contains(u)) {
                    attrs.add(u.attribute());
                }
            }
        }
        return attrs;
    }

    private static boolean matchesAny(List<MailboxPattern> patterns, String name) {
        for (MailboxPattern p : patterns) {
            if (p.matches(name)) {
                return true;
            }
        }
        return false;
    }
}
