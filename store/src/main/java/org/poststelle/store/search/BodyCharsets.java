package org.poststelle.store.search;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The charset to decode a text part with, from its declared name. Unknown or missing names decode as UTF-8 (so
 * 8-bit text in an unlabelled part is still found); labels that mail software routinely uses for a superset are
 * widened: US-ASCII to UTF-8, ISO-8859-1 to Windows-1252 (as WHATWG browsers do).
 */
final class BodyCharsets {
    private static final Map<String, Charset> CACHE = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 256;

    private BodyCharsets() {
    }

    static Charset forName(String declared) {
        if (declared == null || declared.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        String key = declared.strip().toLowerCase(Locale.ROOT);
        Charset c = CACHE.get(key);
        if (c == null) {
            c = lookup(key);
            if (CACHE.size() < MAX_CACHED) {
                CACHE.put(key, c);
            }
        }
        return c;
    }

    private static Charset lookup(String name) {
        Charset c;
        try {
            c = Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
        if (c.equals(StandardCharsets.US_ASCII)) {
            return StandardCharsets.UTF_8;
        }
        if (c.equals(StandardCharsets.ISO_8859_1)) {
            try {
                return Charset.forName("windows-1252");
            } catch (RuntimeException e) {
                return c;
            }
        }
        return c;
    }
}
