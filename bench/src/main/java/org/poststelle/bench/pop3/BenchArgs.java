package org.poststelle.bench.pop3;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --name value} and {@code --flag} arguments of the POP3 benchmark tools. */
final class BenchArgs {
    private static final Pattern RANGE = Pattern.compile("(.*?)(\\d+)\\.\\.(?:\\1)?(\\d+)");

    private final Map<String, String> values = new HashMap<>();

    BenchArgs(String[] args, List<String> flags) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String name = a.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                values.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (flags.contains(name)) {
                values.put(name, "true");
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
    }

    String string(String name, String def) {
        return values.getOrDefault(name, def);
    }

    int integer(String name, int def) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : def;
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    Duration duration(String name, Duration def) {
        String v = values.get(name);
        if (v == null) {
            return def;
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        char unit = v.charAt(v.length() - 1);
        if (Character.isDigit(unit)) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (unit) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            default -> throw new IllegalArgumentException("bad duration for --" + name + ": " + v);
        };
    }

    /** A size such as 20000, 20k or 1m. */
    static long size(String v) {
        char unit = Character.toLowerCase(v.charAt(v.length() - 1));
        if (Character.isDigit(unit)) {
            return Long.parseLong(v);
        }
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (unit) {
            case 'k' -> n * 1024;
            case 'm' -> n * 1024 * 1024;
            default -> throw new IllegalArgumentException("bad size: " + v);
        };
    }

    /** {@code user1..user50} (or {@code user1..50}), or a comma-separated list. */
    static List<String> users(String spec) {
        List<String> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            Matcher m = RANGE.matcher(part.trim());
            if (m.matches()) {
                int from = Integer.parseInt(m.group(2));
                int to = Integer.parseInt(m.group(3));
                for (int i = from; i <= to; i++) {
                    out.add(m.group(1) + i);
                }
            } else if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
