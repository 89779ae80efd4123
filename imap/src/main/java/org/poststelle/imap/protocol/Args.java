package org.poststelle.imap.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poststelle.imap.protocol.ImapArg.ArgList;
import org.poststelle.imap.protocol.ImapArg.Atom;
import org.poststelle.imap.protocol.ImapArg.Literal;
import org.poststelle.imap.protocol.ImapArg.Quoted;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.ModifiedUtf7;

/**
 * The parser vocabulary over a command's framed arguments: each method consumes one argument of a given
 * IMAP grammar type or throws {@link BadCommandException}. Command parsers are written with it
 * ({@code new Login(a.astring(), a.astring()); a.end();}).
 */
public final class Args {
    private final List<ImapArg> items;
    private final boolean utf8Names;
    private int pos;

    /**
     * @param utf8Names mailbox names are UTF-8 (IMAP4rev2 or UTF8=ACCEPT enabled) rather than modified UTF-7
     */
    public Args(List<ImapArg> items, boolean utf8Names) {
        this.items = items;
        this.utf8Names = utf8Names;
    }

    public boolean hasMore() {
        return pos < items.size();
    }

    public int remaining() {
        return items.size() - pos;
    }

    /** The next argument without consuming it, or null at the end. */
    public ImapArg peek() {
        return hasMore() ? items.get(pos) : null;
    }

    public ImapArg next() throws BadCommandException {
        if (!hasMore()) {
            throw new BadCommandException("Missing argument");
        }
        return items.get(pos++);
    }

    public void end() throws BadCommandException {
        if (hasMore()) {
            throw new BadCommandException("Unexpected extra arguments");
        }
    }

    public String atom() throws BadCommandException {
        ImapArg a = next();
        if (a instanceof Atom atom) {
            return atom.value();
        }
        throw new BadCommandException("Expected an atom");
    }

    /** Whether the next argument is the atom {@code word} (case-insensitive). */
    public boolean peekAtom(String word) {
        return peek() instanceof Atom a && a.value().equalsIgnoreCase(word);
    }

    /** Consumes the atom {@code word} if it comes next. */
    public boolean takeAtom(String word) {
        if (peekAtom(word)) {
            pos++;
            return true;
        }
        return false;
    }

    public boolean peekList() {
        return peek() instanceof ArgList;
    }

    /** Descends into the next argument, which must be a parenthesised list. */
    public Args list() throws BadCommandException {
        ImapArg a = next();
        if (a instanceof ArgList l) {
            return new Args(l.items(), utf8Names);
        }
        throw new BadCommandException("Expected a parenthesised list");
    }

    /** A list, or a single item standing for a list of one (as LIST patterns and STATUS items allow). */
    public Args listOrSingle() throws BadCommandException {
        if (peekList()) {
            return list();
        }
        return new Args(List.of(next()), utf8Names);
    }

    /** astring: atom, quoted string or literal. */
    public String astring() throws BadCommandException {
        ImapArg a = next();
        return stringOf(a, true);
    }

    /** string: quoted or literal only. */
    public String string() throws BadCommandException {
        return stringOf(next(), false);
    }

    /** nstring: string or NIL (null). */
    public String nstring() throws BadCommandException {
        ImapArg a = next();
        if (a instanceof Atom atom && atom.value().equalsIgnoreCase("NIL")) {
            return null;
        }
        return stringOf(a, false);
    }

    private static String stringOf(ImapArg a, boolean atomOk) throws BadCommandException {
        if (a instanceof Quoted q) {
            return q.value();
        }
        if (a instanceof Literal l) {
            if (!(l.data() instanceof LiteralData.InMemory)) {
                throw new BadCommandException("Literal too large for a string argument");
            }
            return l.text();
        }
        if (atomOk && a instanceof Atom atom) {
            return atom.value();
        }
        throw new BadCommandException(atomOk ? "Expected a string" : "Expected a quoted string or literal");
    }

    /** A literal (APPEND message data). */
    public Literal literal() throws BadCommandException {
        ImapArg a = next();
        if (a instanceof Literal l) {
            return l;
        }
        throw new BadCommandException("Expected a literal");
    }

    public boolean peekLiteral() {
        return peek() instanceof Literal;
    }

    /** A mailbox name, decoded (modified UTF-7 unless UTF-8 names are on) and validated. */
    public MailboxName mailbox() throws BadCommandException {
        return MailboxName.of(mailboxText(astring(), utf8Names));
    }

    /** A mailbox name or LIST pattern decoded to Unicode, not validated. */
    public String mailboxPattern() throws BadCommandException {
        return mailboxText(astring(), utf8Names);
    }

    static String mailboxText(String raw, boolean utf8Names) throws BadCommandException {
        if (utf8Names || !isAscii(raw)) {
            // 8-bit input cannot be modified UTF-7; take it as the UTF-8 that clients sending it mean
            return raw;
        }
        try {
            return ModifiedUtf7.decode(raw);
        } catch (IllegalArgumentException e) {
            throw new BadCommandException("Mailbox name is not valid modified UTF-7");
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7e) {
                return false;
            }
        }
        return true;
    }

    public long number() throws BadCommandException {
        String s = atom();
        if (s.isEmpty() || s.length() > 19) {
            throw new BadCommandException("Expected a number");
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new BadCommandException("Expected a number");
            }
            v = v * 10 + (c - '0');
        }
        if (v < 0) {
            throw new BadCommandException("Number out of range");
        }
        return v;
    }

    public long nzNumber() throws BadCommandException {
        long v = number();
        if (v == 0) {
            throw new BadCommandException("Expected a non-zero number");
        }
        return v;
    }

    public SequenceSet sequenceSet() throws BadCommandException {
        return SequenceSet.parse(atom());
    }

    /** A parenthesised list of flags ({@code \Seen $Forwarded}). */
    public List<String> flagList() throws BadCommandException {
        Args l = list();
        List<String> flags = new ArrayList<>();
        while (l.hasMore()) {
            flags.add(flag(l.atom()));
        }
        return flags;
    }

    /** Flags as STORE allows them: a list, or flags given bare. */
    public List<String> flagsListOrBare() throws BadCommandException {
        if (peekList()) {
            List<String> flags = flagList();
            end();
            return flags;
        }
        List<String> flags = new ArrayList<>();
        while (hasMore()) {
            flags.add(flag(atom()));
        }
        return flags;
    }

    private static String flag(String f) throws BadCommandException {
        if (f.isEmpty() || f.equals("\\")) {
            throw new BadCommandException("Invalid flag");
        }
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '*' || c == '%' || c == ']' || (c == '\\' && i > 0)) {
                throw new BadCommandException("Invalid flag: " + f);
            }
        }
        if (f.charAt(0) == '\\') {
            if (f.equalsIgnoreCase("\\Recent")) {
                throw new BadCommandException("\\Recent cannot be set");
            }
            if (org.poststelle.store.model.Flags.systemBit(f) == 0) {
                throw new BadCommandException("Invalid system flag " + f);
            }
        }
        return f;
    }

    /** APPEND's date-time (a quoted string). */
    public Instant dateTime() throws BadCommandException {
        return ImapDateTime.parseDateTime(string());
    }

    /** A search date ({@code 1-Feb-1994}, atom or quoted). */
    public LocalDate date() throws BadCommandException {
        return ImapDateTime.parseDate(astring());
    }

    /** An atom, upper-cased; for keywords such as FETCH item names. */
    public String keyword() throws BadCommandException {
        return atom().toUpperCase(Locale.ROOT);
    }
}
