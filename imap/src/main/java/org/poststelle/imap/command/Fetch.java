package org.poststelle.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poststelle.imap.command.FetchItem.BodySection;
import org.poststelle.imap.command.FetchItem.Simple;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.protocol.ImapArg;
import org.poststelle.imap.protocol.SequenceSet;

/**
 * FETCH and UID FETCH with the modifiers of RFC 7162: {@code (CHANGEDSINCE modseq [VANISHED])}.
 *
 * @param changedSince only messages with a higher modseq, or -1 for all
 * @param vanished UID FETCH only, with CHANGEDSINCE: also report the UIDs of the set expunged since (QRESYNC)
 */
public record Fetch(SequenceSet set, boolean uid, List<FetchItem> items, long changedSince, boolean vanished)
        implements ImapCommand {

    public Fetch(SequenceSet set, boolean uid, List<FetchItem> items) {
        this(set, uid, items, -1, false);
    }

    public static Fetch parse(Args a) throws BadCommandException {
        return parse(a, false);
    }

    public static Fetch parseUid(Args a) throws BadCommandException {
        return parse(a, true);
    }

    private static Fetch parse(Args a, boolean uid) throws BadCommandException {
        SequenceSet set = a.sequenceSet();
        List<FetchItem> items = new ArrayList<>();
        if (a.peekList()) {
            Args list = a.list();
            while (list.hasMore()) {
                items.add(item(list));
            }
            if (items.isEmpty()) {
                throw new BadCommandException("Empty FETCH item list");
            }
        } else {
            String first = a.peek() instanceof ImapArg.Atom at ? at.value().toUpperCase(Locale.ROOT) : "";
            switch (first) {
                case "ALL" -> {
                    a.next();
                    items.addAll(List.of(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE, Simple.ENVELOPE));
                }
                case "FAST" -> {
                    a.next();
                    items.addAll(List.of(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE));
                }
                case "FULL" -> {
                    a.next();
                    items.addAll(List.of(Simple.FLAGS, Simple.INTERNALDATE, Simple.RFC822_SIZE, Simple.ENVELOPE,
                            Simple.BODY));
                }
                default -> items.add(item(a));
            }
        }
        long changedSince = -1;
        boolean vanished = false;
        if (a.peekList()) {
            Args mods = a.list();
            while (mods.hasMore()) {
                String m = mods.atom().toUpperCase(Locale.ROOT);
                if (m.equals("CHANGEDSINCE") && changedSince < 0) {
                    changedSince = mods.number();
                } else if (m.equals("VANISHED") && !vanished) {
                    vanished = true;
                } else {
                    throw new BadCommandException("Unknown FETCH modifier " + abbreviate(m));
                }
            }
            if (vanished && (!uid || changedSince < 0)) {
                throw new BadCommandException("VANISHED needs UID FETCH with CHANGEDSINCE");
            }
        }
        a.end();
        return new Fetch(set, uid, items, changedSince, vanished);
    }

    /** One item; a section with a header list spans three arguments: {@code BODY[HEADER.FIELDS}, list, {@code ]}. */
    static FetchItem item(Args a) throws BadCommandException {
        String atom = a.atom();
        String upper = atom.toUpperCase(Locale.ROOT);
        int bracket = upper.indexOf('[');
        if (bracket < 0) {
            return switch (upper) {
                case "FLAGS" -> Simple.FLAGS;
                case "UID" -> Simple.UID;
                case "INTERNALDATE" -> Simple.INTERNALDATE;
                case "RFC822.SIZE" -> Simple.RFC822_SIZE;
                case "ENVELOPE" -> Simple.ENVELOPE;
                case "BODY" -> Simple.BODY;
                case "BODYSTRUCTURE" -> Simple.BODYSTRUCTURE;
                case "RFC822" -> Simple.RFC822;
                case "RFC822.HEADER" -> Simple.RFC822_HEADER;
                case "RFC822.TEXT" -> Simple.RFC822_TEXT;
                case "MODSEQ" -> Simple.MODSEQ;
                case "SAVEDATE" -> Simple.SAVEDATE;
                case "EMAILID" -> Simple.EMAILID;
                case "THREADID" -> Simple.THREADID;
                case "PREVIEW" -> {
                    previewModifiers(a);
                    yield Simple.PREVIEW;
                }
                default -> throw new BadCommandException("Unknown FETCH item " + abbreviate(atom));
            };
        }
        String name = upper.substring(0, bracket);
        boolean peek;
        if (name.equals("BODY")) {
            peek = false;
        } else if (name.equals("BODY.PEEK")) {
            peek = true;
        } else if (name.startsWith("BINARY")) {
            return binary(name, atom.substring(bracket + 1));
        } else {
            throw new BadCommandException("Unknown FETCH item " + abbreviate(atom));
        }
        String afterBracket = atom.substring(bracket + 1);
        String spec;
        String tail;
        List<String> fields = null;
        int close = afterBracket.indexOf(']');
        if (close >= 0) {
            spec = afterBracket.substring(0, close);
            tail = afterBracket.substring(close + 1);
        } else {
            spec = afterBracket;
            Args list = a.list();
            fields = new ArrayList<>();
            while (list.hasMore()) {
                fields.add(list.astring());
            }
            String end = a.atom();
            if (!end.startsWith("]")) {
                throw new BadCommandException("Missing ] in FETCH section");
            }
            tail = end.substring(1);
        }
        Section section = Section.parse(spec, fields);
        long[] partial = partial(tail);
        return new BodySection(section, peek, partial[0], partial[1]);
    }

    /**
     * BINARY, BINARY.PEEK and BINARY.SIZE (RFC 3516): {@code section-binary} is only a part path, and
     * BINARY.SIZE has no partial.
     */
    private static FetchItem binary(String name, String afterBracket) throws BadCommandException {
        int close = afterBracket.indexOf(']');
        if (close < 0) {
            throw new BadCommandException("Missing ] in BINARY section");
        }
        String spec = afterBracket.substring(0, close);
        String tail = afterBracket.substring(close + 1);
        if (!spec.isEmpty() && !Character.isDigit(spec.charAt(spec.length() - 1))) {
            throw new BadCommandException("BINARY takes part numbers only: " + abbreviate(spec));
        }
        Section section = Section.parse(spec, null);
        switch (name) {
            case "BINARY", "BINARY.PEEK" -> {
                long[] partial = partial(tail);
                return new FetchItem.Binary(section, name.equals("BINARY.PEEK"), partial[0], partial[1]);
            }
            case "BINARY.SIZE" -> {
                if (!tail.isEmpty()) {
                    throw new BadCommandException("BINARY.SIZE takes no partial");
                }
                return new FetchItem.BinarySize(section);
            }
            default -> throw new BadCommandException("Unknown FETCH item " + abbreviate(name));
        }
    }

    /**
     * {@code PREVIEW (LAZY)} (RFC 8970): a list after PREVIEW that starts with LAZY holds its modifiers;
     * any other list is not PREVIEW's (the FETCH modifiers, {@code FETCH 1 PREVIEW (CHANGEDSINCE 5)}).
     */
    private static void previewModifiers(Args a) throws BadCommandException {
        if (!(a.peek() instanceof ImapArg.ArgList l) || l.items().isEmpty()
                || !(l.items().get(0) instanceof ImapArg.Atom first) || !first.value().equalsIgnoreCase("LAZY")) {
            return;
        }
        Args mods = a.list();
        while (mods.hasMore()) {
            String m = mods.atom();
            if (!m.equalsIgnoreCase("LAZY")) {
                throw new BadCommandException("Unknown PREVIEW modifier " + abbreviate(m));
            }
        }
    }

    /** {@code <origin.length>} after a section, or nothing: {offset, length}, offset -1 for none. */
    private static long[] partial(String tail) throws BadCommandException {
        if (tail.isEmpty()) {
            return new long[] {-1, 0};
        }
        if (!tail.startsWith("<") || !tail.endsWith(">")) {
            throw new BadCommandException("Invalid partial " + abbreviate(tail));
        }
        String[] p = tail.substring(1, tail.length() - 1).split("\\.", -1);
        if (p.length != 2) {
            throw new BadCommandException("Invalid partial " + abbreviate(tail));
        }
        long offset = partialNumber(p[0]);
        long length = partialNumber(p[1]);
        if (length == 0) {
            throw new BadCommandException("Partial length must not be 0");
        }
        return new long[] {offset, length};
    }

    private static long partialNumber(String s) throws BadCommandException {
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(Character::isDigit)) {
            throw new BadCommandException("Invalid partial");
        }
        long v = Long.parseLong(s);
        if (v > 0xFFFF_FFFFL) {
            throw new BadCommandException("Invalid partial");
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
