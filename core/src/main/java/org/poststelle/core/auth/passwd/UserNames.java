package org.poststelle.core.auth.passwd;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a login name maps to a passwd-file user. Names are compared lower-cased (like Dovecot's default
 * {@code auth_username_format = %Lu}): {@code Alice@Example.COM} logs in as {@code alice@example.com}. A bare
 * name with a default domain configured is looked up as {@code name@default_domain} first, then as the bare
 * {@code name}.
 */
public final class UserNames {
    /** Longer names are refused outright (RFC 5321 caps an address at 254 octets). */
    public static final int MAX_LENGTH = 255;

    private UserNames() {
    }

    /** The lower-cased name, or empty when it cannot be a user name at all (control characters, ':', spaces). */
    public static Optional<String> normalize(String login) {
        if (login == null || login.isEmpty() || login.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < login.length(); i++) {
            char c = login.charAt(i);
            if (c <= ' ' || c == ':' || c == 0x7f) {
                return Optional.empty();
            }
        }
        if (login.charAt(0) == '#') {
            return Optional.empty();
        }
        return Optional.of(login.toLowerCase(Locale.ROOT));
    }

    /** The passwd-file names to try, in order, for a normalized login. */
    public static List<String> candidates(String normalized, String defaultDomain) {
        if (normalized.indexOf('@') >= 0 || defaultDomain.isEmpty()) {
            return List.of(normalized);
        }
        return List.of(normalized + "@" + defaultDomain.toLowerCase(Locale.ROOT), normalized);
    }

    /**
     * The name a new account is stored under: lower-cased, with the default domain appended to a bare name.
     *
     * @throws IllegalArgumentException for a name that cannot be stored
     */
    public static String forNewAccount(String name, String defaultDomain) {
        String n = normalize(name).orElseThrow(() -> new IllegalArgumentException(
                "not a valid user name (no spaces, ':' or control characters, at most " + MAX_LENGTH + " characters)"));
        if (n.startsWith("@") || n.endsWith("@") || n.indexOf('@') != n.lastIndexOf('@')) {
            throw new IllegalArgumentException("not a valid user name: expected local@domain or a bare name");
        }
        return n.indexOf('@') >= 0 || defaultDomain.isEmpty() ? n : n + "@" + defaultDomain.toLowerCase(Locale.ROOT);
    }

    static String localPart(String name) {
        int at = name.lastIndexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    static String domain(String name, String defaultDomain) {
        int at = name.lastIndexOf('@');
        return at < 0 ? defaultDomain.toLowerCase(Locale.ROOT) : name.substring(at + 1);
    }
}
