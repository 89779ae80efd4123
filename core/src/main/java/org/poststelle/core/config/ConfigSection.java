package org.poststelle.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A typed, validating view of one section of poststelle.yml.
 *
 * <p>Each module reads its own section with these accessors, giving the default right where the key is
 * read. Every key that is read is recorded, so after all modules have read their configuration the loader
 * can reject any key nobody asked for ({@link #unknownKeys()}): a typo stops the start instead of being
 * silently ignored. A value can be overridden by an environment variable named after the full key:
 * {@code imap.max_line_length} is {@code POSTSTELLE_IMAP_MAX_LINE_LENGTH}.
 */
public final class ConfigSection {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");
    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*([kmgt]?)i?b?", Pattern.CASE_INSENSITIVE);

    private final String path;
    private final Map<String, Object> values;
    private final Map<String, String> env;
    private final Set<String> readKeys;

    ConfigSection(String path, Map<String, Object> values, Map<String, String> env, Set<String> readKeys) {
        this.path = path;
        this.values = values;
        this.env = env;
        this.readKeys = readKeys;
    }

    /** A section over plain values, without environment overrides (tests, defaults). */
    public static ConfigSection of(Map<String, Object> values) {
        return new ConfigSection("", values, Map.of(), new LinkedHashSet<>());
    }

    /** The empty root: every accessor returns its default. */
    public static ConfigSection empty() {
        return of(Map.of());
    }

    public String path() {
        return path;
    }

    /** The full dotted key for a key of this section. */
    public String key(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public static String envName(String fullKey) {
        return "POSTSTELLE_" + fullKey.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    public ConfigSection section(String key) {
        String full = key(key);
        readKeys.add(full);
        Object v = values.get(key);
        if (v == null) {
            return new ConfigSection(full, Map.of(), env, readKeys);
        }
        if (!(v instanceof Map)) {
            throw new ConfigException(full, "must be a section (key: value lines below it)");
        }
        return new ConfigSection(full, (Map<String, Object>) v, env, readKeys);
    }

    /** A list of sections, e.g. {@code tls.certificates}. */
    @SuppressWarnings("unchecked")
    public List<ConfigSection> sectionList(String key) {
        String full = key(key);
        readKeys.add(full);
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List)) {
            throw new ConfigException(full, "must be a list of sections");
        }
        List<ConfigSection> out = new ArrayList<>();
        int i = 0;
        for (Object item : (List<Object>) v) {
            String itemKey = full + "[" + i++ + "]";
            if (!(item instanceof Map)) {
                throw new ConfigException(itemKey, "must be a section (key: value lines)");
            }
            out.add(new ConfigSection(itemKey, (Map<String, Object>) item, Map.of(), readKeys));
        }
        return out;
    }

    public boolean isSet(String key) {
        return env.containsKey(envName(key(key))) || values.get(key) != null;
    }

    private Object raw(String key) {
        String full = key(key);
        readKeys.add(full);
        String fromEnv = env.get(envName(full));
        if (fromEnv != null) {
            return fromEnv;
        }
        return values.get(key);
    }

    private <T> T convert(String key, T def, String expected, Function<String, T> parse) {
        Object v = raw(key);
        if (v == null) {
            return def;
        }
        String s = v instanceof String str ? str.trim() : String.valueOf(v);
        try {
            T result = parse.apply(s);
            if (result == null) {
                throw new IllegalArgumentException();
            }
            return result;
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigException(key(key), "must be " + expected + " (got \"" + s + "\")");
        }
    }

    public String string(String key, String def) {
        Object v = raw(key);
        if (v == null) {
            return def;
        }
        if (v instanceof Map || v instanceof List) {
            throw new ConfigException(key(key), "must be a single value");
        }
        return String.valueOf(v);
    }

    public int integer(String key, int def, int min, int max) {
        int value = convert(key, def, "a whole number", Integer::parseInt);
        if (value < min || value > max) {
            throw new ConfigException(key(key), "must be between " + min + " and " + max + " (got " + value + ")");
        }
        return value;
    }

    public int port(String key, int def) {
        return integer(key, def, 0, 65535);
    }

    public boolean bool(String key, boolean def) {
        return convert(key, def, "true or false", s -> switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Boolean.TRUE;
            case "false", "no", "off" -> Boolean.FALSE;
            default -> null;
        });
    }

    /** A duration such as {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 7d}; a bare number is seconds. */
    public Duration duration(String key, Duration def) {
        return convert(key, def, "a duration such as 30s, 10m, 2h or 7d", ConfigSection::parseDuration);
    }

    public static Duration parseDuration(String s) {
        Matcher m = DURATION.matcher(s.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(s);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException(s);
        };
    }

    /** A size such as {@code 8k}, {@code 64m}, {@code 2g} (binary multiples); a bare number is bytes. */
    public long bytes(String key, long def) {
        return convert(key, def, "a size such as 65536, 64k, 10m or 2g", ConfigSection::parseBytes);
    }

    public static long parseBytes(String s) {
        Matcher m = BYTES.matcher(s.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(s);
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "" -> 0;
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> throw new IllegalArgumentException(s);
        };
        if (shift > 0 && n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException(s);
        }
        return n << shift;
    }

    /** A path; a relative one is resolved against {@code base} (normally the data directory). */
    public Path path(String key, Path base, Path def) {
        String s = string(key, null);
        if (s == null || s.isBlank()) {
            return def;
        }
        Path p = Path.of(s);
        return base == null || p.isAbsolute() ? p : base.resolve(p);
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E def) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return convert(key, def, "one of " + String.join(", ", names),
                s -> Enum.valueOf(type, s.toUpperCase(Locale.ROOT).replace('-', '_')));
    }

    /** A list of strings, written as a YAML list or (also from the environment) comma-separated. */
    public List<String> stringList(String key, List<String> def) {
        Object v = raw(key);
        if (v == null) {
            return def;
        }
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map || o instanceof List) {
                    throw new ConfigException(key(key), "must be a list of plain values");
                }
                out.add(String.valueOf(o).trim());
            }
        } else if (v instanceof Map) {
            throw new ConfigException(key(key), "must be a list");
        } else {
            for (String part : String.valueOf(v).split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Keys present in the file (at any depth below this section) that no module read. */
    public List<String> unknownKeys() {
        List<String> unknown = new ArrayList<>();
        collectUnknown(path, values, unknown);
        return unknown;
    }

    @SuppressWarnings("unchecked")
    private void collectUnknown(String prefix, Map<String, Object> map, List<String> out) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            String full = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (!readKeys.contains(full)) {
                out.add(full);
            } else if (e.getValue() instanceof Map<?, ?> child) {
                collectUnknown(full, (Map<String, Object>) child, out);
            } else if (e.getValue() instanceof List<?> list) {
                int i = 0;
                for (Object item : list) {
                    if (item instanceof Map<?, ?> child) {
                        collectUnknown(full + "[" + i + "]", (Map<String, Object>) child, out);
                    }
                    i++;
                }
            }
        }
    }

    /** Every full key read so far (used to check that the documented example names every key). */
    public Set<String> readKeys() {
        return Collections.unmodifiableSet(readKeys);
    }

    static Map<String, Object> copyOf(Map<String, Object> m) {
        return new LinkedHashMap<>(m);
    }
}
