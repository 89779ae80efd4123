package org.poststelle.pop3.command;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The POP3 commands (RFC 1939, 2449, 2595, 5034, 6856) as values. Each record parses its own arguments
 * (everything after the keyword and one space) and rejects what does not fit with a
 * {@link BadCommandException} whose message is the answer's text.
 */
public sealed interface Pop3Command {

    /** USER name (the rest of the line: names may contain spaces). */
    record User(String name) implements Pop3Command {
        public static User parse(String args) throws BadCommandException {
            if (args.isBlank()) {
                throw new BadCommandException("No username given.");
            }
            return new User(args);
        }
    }

    /** PASS password (the rest of the line, spaces included). */
    record Pass(String password) implements Pop3Command {
        public static Pass parse(String args) throws BadCommandException {
            if (args.isEmpty()) {
                throw new BadCommandException("No password given.");
            }
            return new Pass(args);
        }

        @Override
        public String toString() {
            return "Pass[***]";
        }
    }

    /** APOP name digest (RFC 1939 section 7). */
    record Apop(String name, String digest) implements Pop3Command {
        public static Apop parse(String args) throws BadCommandException {
            int sp = args.lastIndexOf(' ');
            if (sp <= 0) {
                throw new BadCommandException("APOP needs a name and a digest.");
            }
            String digest = args.substring(sp + 1);
            if (!digest.matches("[0-9a-fA-F]{32}")) {
                throw new BadCommandException("APOP digest must be 32 hex digits.");
            }
            return new Apop(args.substring(0, sp), digest.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return "Apop[" + name + ", ***]";
        }
    }

    /**
     * AUTH [mechanism [initial-response]] (RFC 5034). Without a mechanism the server lists its mechanisms
     * (the older RFC 1734 form that Outlook still sends).
     */
    record Auth(Optional<String> mechanism, Optional<String> initialResponse) implements Pop3Command {
        public static Auth parse(String args) throws BadCommandException {
            String[] parts = args.strip().split(" ", -1);
            if (args.isBlank()) {
                return new Auth(Optional.empty(), Optional.empty());
            }
            if (parts.length > 2) {
                throw new BadCommandException("Too many arguments to AUTH.");
            }
            String mech = parts[0].toUpperCase(Locale.ROOT);
            if (!mech.matches("[A-Z0-9_-]{1,20}")) {
                throw new BadCommandException("Invalid mechanism name.");
            }
            return new Auth(Optional.of(mech), parts.length == 2 ? Optional.of(parts[1]) : Optional.empty());
        }

        @Override
        public String toString() {
            return "Auth[" + mechanism.orElse("") + (initialResponse.isPresent() ? ", ***]" : "]");
        }
    }

    record Stat() implements Pop3Command {
    }

    /** LIST [msg]; named so it does not clash with java.util.List. */
    record ListMsg(OptionalInt msg) implements Pop3Command {
        public static ListMsg parse(String args) throws BadCommandException {
            return new ListMsg(optionalMessageNumber(args));
        }
    }

    record Retr(int msg) implements Pop3Command {
        public static Retr parse(String args) throws BadCommandException {
            return new Retr(messageNumber(args));
        }
    }

    /** TOP msg n: the header, the blank line and n body lines. */
    record Top(int msg, long lines) implements Pop3Command {
        public static Top parse(String args) throws BadCommandException {
            String[] parts = args.strip().split(" +", -1);
            if (args.isBlank() || parts.length < 2) {
                throw new BadCommandException("TOP needs a message number and a line count.");
            }
            if (parts.length > 2) {
                throw new BadCommandException("Too many arguments to TOP.");
            }
            int msg = messageNumber(parts[0]);
            if (!isNumber(parts[1])) {
                throw new BadCommandException("Invalid line count: " + parts[1]);
            }
            return new Top(msg, parseCapped(parts[1]));
        }
    }

    record Dele(int msg) implements Pop3Command {
        public static Dele parse(String args) throws BadCommandException {
            return new Dele(messageNumber(args));
        }
    }

    record Uidl(OptionalInt msg) implements Pop3Command {
        public static Uidl parse(String args) throws BadCommandException {
            return new Uidl(optionalMessageNumber(args));
        }
    }

    record Noop() implements Pop3Command {
    }

    record Rset() implements Pop3Command {
    }

    record Quit() implements Pop3Command {
    }

    record Capa() implements Pop3Command {
    }

    record Stls() implements Pop3Command {
    }

    /** UTF8 (RFC 6856 section 2). */
    record Utf8() implements Pop3Command {
    }

    /** LANG [language-range] (RFC 6856 section 3). */
    record Lang(Optional<String> range) implements Pop3Command {
        public static Lang parse(String args) throws BadCommandException {
            String a = args.strip();
            if (a.isEmpty()) {
                return new Lang(Optional.empty());
            }
            if (!a.matches("\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
                throw new BadCommandException("Invalid language range.");
            }
            return new Lang(Optional.of(a));
        }
    }

    /** For commands without arguments: anything after the keyword is an error. */
    static void noArguments(String args) throws BadCommandException {
        if (!args.isBlank()) {
            throw new BadCommandException("Noise after command.");
        }
    }

    private static int messageNumber(String args) throws BadCommandException {
        String a = args.strip();
        if (a.isEmpty()) {
            throw new BadCommandException("Message number missing.");
        }
        if (a.indexOf(' ') >= 0) {
            throw new BadCommandException("Noise after message number.");
        }
        if (!isNumber(a)) {
            throw new BadCommandException("Invalid message number: " + a);
        }
        long n = parseCapped(a);
        // beyond any maildrop: answered as "no such message" by the session, like 0
        return n > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) n;
    }

    private static OptionalInt optionalMessageNumber(String args) throws BadCommandException {
        return args.isBlank() ? OptionalInt.empty() : OptionalInt.of(messageNumber(args));
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 40) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static long parseCapped(String digits) {
        String s = digits.replaceFirst("^0+(?=.)", "");
        return s.length() > 18 ? Long.MAX_VALUE : Long.parseLong(s);
    }
}
