package org.poststelle.pop3;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a message's POP3 unique-id is built, in the variable syntax of Dovecot's {@code pop3_uidl_format}, so an
 * account migrated from Dovecot keeps its UIDLs and clients do not download everything again.
 *
 * <p>Variables: {@code %u} / {@code %{uid}} the UID, {@code %v} / {@code %{uidvalidity}} the UIDVALIDITY,
 * {@code %g} / {@code %{guid}} and {@code %m} the message's emailId (Dovecot's GUID for migrated mail), and
 * {@code %%} a percent sign. Between {@code %} and the variable: a width ({@code 0}-prefixed pads with zeros
 * on the left, otherwise the value is cut to that many characters) and modifiers {@code X} (the decimal
 * number in hexadecimal, lower case as Dovecot writes it), {@code U} (upper case), {@code L} (lower case).
 * The default {@code %08Xu%08Xv} is Dovecot's default: 8 hex digits of the UID, then 8 of the UIDVALIDITY.
 */
public final class UidlFormat {
    public static final String DEFAULT = "%08Xu%08Xv";
    private static final UidlFormat DEFAULT_FORMAT = parse(DEFAULT);

    private sealed interface Part permits Literal, Variable {
    }

    private record Literal(String text) implements Part {
    }

    private record Variable(char name, boolean zeroPad, int width, boolean hex, char letterCase) implements Part {
    }

    private final String pattern;
    private final List<Part> parts;
    private final boolean usesEmailId;

    private UidlFormat(String pattern, List<Part> parts) {
        this.pattern = pattern;
        this.parts = List.copyOf(parts);
        this.usesEmailId = parts.stream().anyMatch(p -> p instanceof Variable v && v.name() == 'g');
    }

    public static UidlFormat defaultFormat() {
        return DEFAULT_FORMAT;
    }

    /** @throws IllegalArgumentException naming what is wrong with the pattern */
    public static UidlFormat parse(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw new IllegalArgumentException("the UIDL format is empty");
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i++);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            if (i < pattern.length() && pattern.charAt(i) == '%') {
                literal.append('%');
                i++;
                continue;
            }
            if (literal.length() > 0) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            i = parseVariable(pattern, i, parts);
        }
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
        }
        return new UidlFormat(pattern, parts);
    }

    private static int parseVariable(String pattern, int start, List<Part> parts) {
        int i = start;
        boolean zeroPad = i < pattern.length() && pattern.charAt(i) == '0';
        int width = 0;
        while (i < pattern.length() && Character.isDigit(pattern.charAt(i))) {
            width = Math.min(width * 10 + (pattern.charAt(i++) - '0'), 70);
        }
        boolean hex = false;
        char letterCase = 0;
        while (i < pattern.length() && "XUL".indexOf(pattern.charAt(i)) >= 0) {
            char m = pattern.charAt(i++);
            if (m == 'X') {
                hex = true;
            } else {
                letterCase = m;
            }
        }
        if (i >= pattern.length()) {
            throw new IllegalArgumentException("the UIDL format ends inside a variable: " + pattern);
        }
        char name;
        if (pattern.charAt(i) == '{') {
            int close = pattern.indexOf('}', i);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed %{ in the UIDL format: " + pattern);
            }
            name = longName(pattern.substring(i + 1, close), pattern);
            i = close + 1;
        } else {
            name = shortName(pattern.charAt(i++), pattern);
        }
        parts.add(new Variable(name, zeroPad, width, hex, letterCase));
        return i;
    }

    private static char shortName(char c, String pattern) {
        return switch (c) {
            case 'u' -> 'u';
            case 'v' -> 'v';
            case 'g', 'm' -> 'g';
            default -> throw new IllegalArgumentException(
                    "unknown variable %" + c + " in the UIDL format (known: %u %v %g %m): " + pattern);
        };
    }

    private static char longName(String name, String pattern) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "uid" -> 'u';
            case "uidvalidity" -> 'v';
            case "guid" -> 'g';
            default -> throw new IllegalArgumentException(
                    "unknown variable %{" + name + "} in the UIDL format (known: uid, uidvalidity, guid): " + pattern);
        };
    }

    /** Whether the format needs the message's emailId (so the maildrop keeps it). */
    public boolean usesEmailId() {
        return usesEmailId;
    }

    public String pattern() {
        return pattern;
    }

    /**
     * The unique-id for one message. When the result is not a valid RFC 1939 unique-id (1 to 70 characters
     * 0x21..0x7E), for instance because the message has no emailId, the default format's value is used.
     */
    public String format(long uid, long uidValidity, String emailId) {
        StringBuilder sb = new StringBuilder(24);
        for (Part p : parts) {
            if (p instanceof Literal l) {
                sb.append(l.text());
            } else {
                Variable v = (Variable) p;
                String value = switch (v.name()) {
                    case 'u' -> Long.toString(uid);
                    case 'v' -> Long.toString(uidValidity);
                    default -> emailId == null ? "" : emailId;
                };
                sb.append(apply(v, value));
            }
        }
        String result = sb.toString();
        if (!isValidUniqueId(result) && this != DEFAULT_FORMAT) {
            return DEFAULT_FORMAT.format(uid, uidValidity, null);
        }
        return result;
    }

    private static String apply(Variable v, String value) {
        String s = value;
        if (v.hex()) {
            long n;
            try {
                n = Long.parseUnsignedLong(s);
            } catch (NumberFormatException e) {
                n = 0; // Dovecot's X turns what is not a number into 0
            }
            s = Long.toHexString(n);
        }
        if (v.letterCase() == 'U') {
            s = s.toUpperCase(Locale.ROOT);
        } else if (v.letterCase() == 'L') {
            s = s.toLowerCase(Locale.ROOT);
        }
        if (v.width() > 0) {
            if (v.zeroPad()) {
                if (s.length() < v.width()) {
                    s = "0".repeat(v.width() - s.length()) + s;
                }
            } else if (s.length() > v.width()) {
                s = s.substring(0, v.width());
            }
        }
        return s;
    }

    /** RFC 1939 section 7: 1 to 70 characters in the range 0x21 to 0x7E. */
    public static boolean isValidUniqueId(String s) {
        if (s == null || s.isEmpty() || s.length() > 70) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UidlFormat other && other.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
