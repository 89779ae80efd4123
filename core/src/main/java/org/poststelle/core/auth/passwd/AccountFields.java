package org.poststelle.core.auth.passwd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.core.auth.Pop3Retention;
import org.poststelle.core.auth.Protocol;
import org.poststelle.core.config.ConfigSection;
import org.poststelle.core.net.Cidr;

/**
 * The per-account policy in a passwd-file line's extra fields (documented in docs/accounts.md). Reads
 * Poststelle's own keys and the Dovecot fields that mean the same ({@code nologin}, {@code quota_rule},
 * {@code userdb_quota_rule}, {@code allow_nets}); writes back only the keys whose value changed and keeps
 * every other field as it was.
 */
public final class AccountFields {
    public static final String PROTOCOLS = "protocols";
    public static final String QUOTA_BYTES = "quota_bytes";
    public static final String QUOTA_MESSAGES = "quota_messages";
    public static final String POP3_RETENTION = "pop3_retention";
    public static final String LOGIN_DELAY = "login_delay";
    public static final String DISABLED = "disabled";
    public static final String NOLOGIN = "nologin";
    public static final String ALLOW_NETS = "allow_nets";
    public static final String QUOTA_RULE = "quota_rule";
    public static final String USERDB_QUOTA_RULE = "userdb_quota_rule";

    private static final Set<String> KNOWN = Set.of(PROTOCOLS, QUOTA_BYTES, QUOTA_MESSAGES, POP3_RETENTION,
            LOGIN_DELAY, DISABLED, NOLOGIN, ALLOW_NETS);

    private AccountFields() {
    }

    static String key(String field) {
        int eq = field.indexOf('=');
        return (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
    }

    static String value(String field) {
        int eq = field.indexOf('=');
        return eq < 0 ? "" : field.substring(eq + 1);
    }

    /**
     * The policy the fields describe.
     *
     * @throws IllegalArgumentException naming the field that has a bad value
     */
    public static AccountPolicy policy(List<String> fields) {
        Set<Protocol> protocols = EnumSet.allOf(Protocol.class);
        long quotaBytes = -1;
        long quotaMessages = -1;
        long ruleBytes = 0;
        long ruleMessages = 0;
        Pop3Retention retention = Pop3Retention.KEEP;
        Duration loginDelay = Duration.ZERO;
        boolean disabled = false;
        for (String field : fields) {
            String key = key(field);
            String value = value(field);
            try {
                switch (key) {
                    case PROTOCOLS -> protocols = parseProtocols(value);
                    case QUOTA_BYTES -> quotaBytes = ConfigSection.parseBytes(value);
                    case QUOTA_MESSAGES -> quotaMessages = nonNegative(Long.parseLong(value.trim()));
                    case POP3_RETENTION -> retention = Pop3Retention.parse(value);
                    case LOGIN_DELAY -> loginDelay = ConfigSection.parseDuration(value);
                    case DISABLED -> disabled = value.isEmpty() || parseBoolean(value);
                    case NOLOGIN -> disabled = true;
                    case QUOTA_RULE, USERDB_QUOTA_RULE -> {
                        long[] rule = parseDefaultQuotaRule(value);
                        if (rule != null) {
                            ruleBytes = rule[0] >= 0 ? rule[0] : ruleBytes;
                            ruleMessages = rule[1] >= 0 ? rule[1] : ruleMessages;
                        }
                    }
                    default -> {
                        // not ours: kept verbatim
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad value for extra field " + key + ": " + e.getMessage(), e);
            }
        }
        return new AccountPolicy(protocols, quotaBytes >= 0 ? quotaBytes : ruleBytes,
                quotaMessages >= 0 ? quotaMessages : ruleMessages, retention, loginDelay, disabled);
    }

    /** The networks the account may log in from ({@code allow_nets}, as in Dovecot); empty means anywhere. */
    public static List<Cidr> allowNets(List<String> fields) {
        List<Cidr> nets = new ArrayList<>();
        for (String field : fields) {
            if (key(field).equals(ALLOW_NETS)) {
                for (String part : value(field).split(",")) {
                    if (!part.isBlank()) {
                        nets.add(Cidr.parse(part));
                    }
                }
            }
        }
        return nets;
    }

    /** The fields Poststelle does not interpret (shown by {@code user show}, kept on rewrite). */
    public static List<String> others(List<String> fields) {
        List<String> out = new ArrayList<>();
        for (String field : fields) {
            String key = key(field);
            if (!KNOWN.contains(key) && !isDefaultQuotaRule(field)) {
                out.add(field);
            }
        }
        return out;
    }

    /**
     * The fields after a policy change: keys of the parts that changed are replaced by Poststelle's canonical
     * form (or dropped when back at the default); everything else stays as it was, in order.
     */
    public static List<String> withPolicy(List<String> fields, AccountPolicy before, AccountPolicy after) {
        List<String> out = new ArrayList<>(fields);
        if (!before.protocols().equals(after.protocols())) {
            replace(out, f -> key(f).equals(PROTOCOLS), protocolsField(after.protocols()));
        }
        if (before.quotaBytes() != after.quotaBytes() || before.quotaMessages() != after.quotaMessages()) {
            out.removeIf(AccountFields::isDefaultQuotaRule);
            replace(out, f -> key(f).equals(QUOTA_BYTES),
                    after.quotaBytes() == 0 ? null : QUOTA_BYTES + "=" + formatBytes(after.quotaBytes()));
            replace(out, f -> key(f).equals(QUOTA_MESSAGES),
                    after.quotaMessages() == 0 ? null : QUOTA_MESSAGES + "=" + after.quotaMessages());
        }
        if (!before.pop3Retention().equals(after.pop3Retention())) {
            replace(out, f -> key(f).equals(POP3_RETENTION), after.pop3Retention() instanceof Pop3Retention.Keep
                    ? null : POP3_RETENTION + "=" + after.pop3Retention().format());
        }
        if (!before.loginDelay().equals(after.loginDelay())) {
            replace(out, f -> key(f).equals(LOGIN_DELAY),
                    after.loginDelay().isZero() ? null : LOGIN_DELAY + "=" + formatDuration(after.loginDelay()));
        }
        if (before.disabled() != after.disabled()) {
            // written as Dovecot's nologin so the file keeps its meaning there
            replace(out, f -> key(f).equals(DISABLED) || key(f).equals(NOLOGIN), after.disabled() ? NOLOGIN : null);
        }
        return out;
    }

    /** Replaces the first matching field (removing later ones), or appends when none matched. */
    private static void replace(List<String> fields, Predicate<String> matches, String replacement) {
        int at = -1;
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (matches.test(fields.get(i))) {
                fields.remove(i);
                at = i;
            }
        }
        if (replacement != null) {
            fields.add(at < 0 ? fields.size() : at, replacement);
        }
    }

    private static String protocolsField(Set<Protocol> protocols) {
        if (protocols.containsAll(EnumSet.allOf(Protocol.class))) {
            return null;
        }
        if (protocols.isEmpty()) {
            return PROTOCOLS + "=none";
        }
        List<String> ids = new ArrayList<>();
        for (Protocol p : EnumSet.copyOf(protocols)) {
            ids.add(p.id());
        }
        return PROTOCOLS + "=" + String.join(",", ids);
    }

    /** {@code imap}, {@code pop3}, {@code imap,pop3}, {@code both}/{@code all}, {@code none}. */
    public static Set<Protocol> parseProtocols(String value) {
        Set<Protocol> out = EnumSet.noneOf(Protocol.class);
        for (String part : value.toLowerCase(Locale.ROOT).split(",")) {
            String p = part.trim();
            switch (p) {
                case "imap" -> out.add(Protocol.IMAP);
                case "pop3" -> out.add(Protocol.POP3);
                case "both", "all" -> out.addAll(EnumSet.allOf(Protocol.class));
                case "none", "" -> {
                    // nothing allowed
                }
                default -> throw new IllegalArgumentException("unknown protocol \"" + p + "\" (imap, pop3, both, none)");
            }
        }
        return out;
    }

    private static boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "on" -> true;
            case "no", "n", "false", "0", "off" -> false;
            default -> throw new IllegalArgumentException("expected yes or no");
        };
    }

    private static long nonNegative(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot be negative");
        }
        return n;
    }

    private static boolean isDefaultQuotaRule(String field) {
        String key = key(field);
        return (key.equals(QUOTA_RULE) || key.equals(USERDB_QUOTA_RULE)) && value(field).startsWith("*:");
    }

    /**
     * Dovecot's default quota rule {@code *:storage=1G:messages=1000} ({@code storage} in kilobytes unless
     * it has a b/k/M/G/T suffix, {@code bytes} in bytes). Returns {bytes, messages} with -1 for a part not
     * given, or null for a rule of another mailbox (kept, not interpreted).
     */
    static long[] parseDefaultQuotaRule(String value) {
        if (!value.startsWith("*:")) {
            return null;
        }
        long[] out = {-1, -1};
        for (String part : value.substring(2).split(":")) {
            String k = key(part);
            String v = value(part).trim();
            switch (k) {
                case "storage" -> out[0] = dovecotSize(v, 1024);
                case "bytes" -> out[0] = dovecotSize(v, 1);
                case "messages" -> out[1] = nonNegative(Long.parseLong(v));
                default -> {
                    // ignore, noquota, backend=...: nothing for us
                }
            }
        }
        return out;
    }

    private static long dovecotSize(String v, long defaultUnit) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty size");
        }
        char last = Character.toLowerCase(v.charAt(v.length() - 1));
        long unit = defaultUnit;
        String digits = v;
        if (!Character.isDigit(last)) {
            unit = switch (last) {
                case 'b' -> 1L;
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                case 'g' -> 1L << 30;
                case 't' -> 1L << 40;
                default -> throw new IllegalArgumentException("bad size " + v);
            };
            digits = v.substring(0, v.length() - 1);
        }
        long n = nonNegative(Long.parseLong(digits));
        return Math.multiplyExact(n, unit);
    }

    /** Largest exact binary unit: 1073741824 becomes "1G", 1500 stays "1500". */
    public static String formatBytes(long bytes) {
        String[] units = {"T", "G", "M", "K"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << shifts[i];
            if (bytes >= unit && bytes % unit == 0) {
                return (bytes / unit) + units[i];
            }
        }
        return Long.toString(bytes);
    }

    static String formatDuration(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : d.toMillis() + "ms";
    }
}
