package org.poststelle.imap.command;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;

/**
 * LIST (with RFC 5258 LIST-EXTENDED, RFC 5819 LIST-STATUS, RFC 6154 SPECIAL-USE) and LSUB.
 *
 * @param lsub the LSUB command
 * @param extended whether the client used extended syntax (selection or return options, several patterns):
 *        only then are CHILDINFO and the extended attributes of RFC 5258 returned
 * @param statusItems items of RETURN (STATUS (...)), empty when not asked
 */
public record ListMailboxes(boolean lsub, Set<Selection> selection, String reference, List<String> patterns,
        Set<Return> returns, List<StatusItem> statusItems, boolean extended) implements ImapCommand {

    /** Selection options. */
    public enum Selection { SUBSCRIBED, REMOTE, RECURSIVEMATCH, SPECIAL_USE }

    /** Return options. */
    public enum Return { SUBSCRIBED, CHILDREN, SPECIAL_USE, STATUS }

    public static ListMailboxes parseLsub(Args a) throws BadCommandException {
        String ref = a.mailboxPattern();
        String pattern = a.mailboxPattern();
        a.end();
        return new ListMailboxes(true, Set.of(), ref, List.of(pattern), Set.of(), List.of(), false);
    }

    public static ListMailboxes parseList(Args a) throws BadCommandException {
        Set<Selection> selection = EnumSet.noneOf(Selection.class);
        boolean extended = false;
        if (a.peekList()) {
            extended = true;
            Args opts = a.list();
            while (opts.hasMore()) {
                String o = opts.atom().toUpperCase(Locale.ROOT);
                switch (o) {
                    case "SUBSCRIBED" -> selection.add(Selection.SUBSCRIBED);
                    case "REMOTE" -> selection.add(Selection.REMOTE);
                    case "RECURSIVEMATCH" -> selection.add(Selection.RECURSIVEMATCH);
                    case "SPECIAL-USE" -> selection.add(Selection.SPECIAL_USE);
                    default -> throw new BadCommandException("Unknown LIST selection option " + o);
                }
            }
            if (selection.contains(Selection.RECURSIVEMATCH) && !selection.contains(Selection.SUBSCRIBED)
                    && !selection.contains(Selection.SPECIAL_USE)) {
                throw new BadCommandException("RECURSIVEMATCH needs another selection option");
            }
        }
        String ref = a.mailboxPattern();
        List<String> patterns = new ArrayList<>();
        if (a.peekList()) {
            extended = true;
            Args list = a.list();
            while (list.hasMore()) {
                patterns.add(list.mailboxPattern());
            }
        } else {
            patterns.add(a.mailboxPattern());
        }
        Set<Return> returns = EnumSet.noneOf(Return.class);
        List<StatusItem> status = List.of();
        if (a.takeAtom("RETURN")) {
            extended = true;
            Args opts = a.list();
            while (opts.hasMore()) {
                String o = opts.atom().toUpperCase(Locale.ROOT);
                switch (o) {
                    case "SUBSCRIBED" -> returns.add(Return.SUBSCRIBED);
                    case "CHILDREN" -> returns.add(Return.CHILDREN);
                    case "SPECIAL-USE" -> returns.add(Return.SPECIAL_USE);
                    case "STATUS" -> {
                        returns.add(Return.STATUS);
                        status = Status.items(opts.list());
                    }
                    default -> throw new BadCommandException("Unknown LIST return option " + o);
                }
            }
        }
        a.end();
        return new ListMailboxes(false, selection, ref, patterns, returns, status, extended);
    }
}
