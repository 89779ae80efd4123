package org.poststelle.store.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poststelle.store.model.Flags;

/** The test corpus in this package's {@code corpus/} resources: varied messages with flags and dates. */
final class Corpus {
    private static final DateTimeFormatter INTERNAL =
            DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", Locale.ENGLISH);

    private Corpus() {
    }

    /** Appends every corpus message in INDEX order (UIDs 1..n in a fresh mailbox). */
    static int appendTo(SearchFixture f) {
        int n = 0;
        for (String line : lines("INDEX")) {
            String[] p = line.split("\\|", -1);
            Flags flags = p[1].isEmpty() ? Flags.NONE : Flags.parse(List.of(p[1].split(" ")));
            Instant date = ZonedDateTime.parse(p[2], INTERNAL).toInstant();
            f.append(bytes(p[0]), flags, date);
            n++;
        }
        return n;
    }

    /** The corpus messages' bytes. */
    static List<byte[]> messages() {
        List<byte[]> out = new ArrayList<>();
        for (String line : lines("INDEX")) {
            out.add(bytes(line.split("\\|", -1)[0]));
        }
        return out;
    }

    static byte[] bytes(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Non-blank lines of a resource that are not # comments. */
    static List<String> lines(String name) {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
            String l;
            while ((l = r.readLine()) != null) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    out.add(l);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static InputStream resource(String name) {
        InputStream in = Corpus.class.getResourceAsStream("corpus/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }
}
