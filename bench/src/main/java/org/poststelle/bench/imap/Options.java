package org.poststelle.bench.imap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.poststelle.core.config.ConfigSection;

/** {@code --name value} and {@code --flag} arguments of the IMAP benchmark tools; repeated names collect. */
final class Options {
    private static final Pattern RANGE = Pattern.compile("(\\D*)(\\d+)\\.\\.(?:\\D*)(\\d+)");
    private final Map<String, List<String>> values = new HashMap<>();

    Options(String[] args, List<String> flags) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (flags.contains(name)) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    String string(String name, String def) {
        List<String> v = values.get(name);
        return v == null ? def : v.get(v.size() - 1);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    int integer(String name, int def) {
        String v = string(name, null);
        return v == null ? def : Integer.parseInt(v);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(string(name, "false"));
    }

    Duration duration(String name, Duration def) {
        String v = string(name, null);
        return v == null ? def : ConfigSection.parseDuration(v);
    }

    long bytes(String name, long def) {
        String v = string(name, null);
        return v == null ? def : ConfigSection.parseBytes(v);
    }

    /** {@code user1..user200} or a comma-separated list. */
    static List<String> users(String spec) {
        List<String> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            Matcher m = RANGE.matcher(part.trim());
            if (m.matches()) {
                for (int i = Integer.parseInt(m.group(2)); i <= Integer.parseInt(m.group(3)); i++) {
                    out.add(m.group(1) + i);
                }
            } else if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
