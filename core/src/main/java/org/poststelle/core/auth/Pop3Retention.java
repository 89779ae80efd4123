package org.poststelle.core.auth;

/**
 * What happens to an account's mail after POP3 retrieval (advertised with RFC 2449 EXPIRE).
 *
 * <ul>
 *   <li>{@link Keep}: RFC 1939 as is; messages go only when the client sends DELE and QUIT
 *       ({@code EXPIRE NEVER}).</li>
 *   <li>{@link Delete}: messages retrieved in a session are removed at its QUIT, whether or not the client
 *       sent DELE ({@code EXPIRE 0}).</li>
 *   <li>{@link Expire}: the server removes messages {@code days} days after their first POP3 retrieval
 *       ({@code EXPIRE days}).</li>
 * </ul>
 */
public sealed interface Pop3Retention {
    record Keep() implements Pop3Retention {
    }

    record Delete() implements Pop3Retention {
    }

    record Expire(int days) implements Pop3Retention {
        public Expire {
            if (days < 1) {
                throw new IllegalArgumentException("expire needs at least 1 day");
            }
        }
    }

    Keep KEEP = new Keep();
    Delete DELETE = new Delete();

    /** Parses {@code keep}, {@code delete}, {@code expire=30d} (or {@code expire=30}). */
    static Pop3Retention parse(String s) {
        String v = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("keep")) {
            return KEEP;
        }
        if (v.equals("delete")) {
            return DELETE;
        }
        if (v.startsWith("expire=")) {
            String n = v.substring("expire=".length());
            if (n.endsWith("d")) {
                n = n.substring(0, n.length() - 1);
            }
            try {
                return new Expire(Integer.parseInt(n));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad POP3 retention: " + s);
            }
        }
        throw new IllegalArgumentException("POP3 retention must be keep, delete or expire=Nd: " + s);
    }

    default String format() {
        if (this instanceof Expire e) {
            return "expire=" + e.days() + "d";
        }
        return this instanceof Delete ? "delete" : "keep";
    }
}
