package org.poststelle.imap.fetch.structure;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A parsed {@code BODY[section]} specifier (RFC 3501 §6.4.5): a part path ({@code 1.2.3}, empty for the top
 * level) and what to take from the addressed part. The IMAP parser builds it from the client's syntax, e.g.
 * {@code BODY[]} = {@code new SectionSpec(new int[0], FULL, List.of())}, {@code BODY[1.2.MIME]} =
 * {@code new SectionSpec(new int[] {1, 2}, MIME, List.of())}, {@code BODY[HEADER.FIELDS (From To)]} =
 * {@code new SectionSpec(new int[0], HEADER_FIELDS, List.of("From", "To"))}.
 *
 * @param part part numbers, each at least 1; empty for the whole message
 * @param kind what to take
 * @param headerFields field names for HEADER_FIELDS and HEADER_FIELDS_NOT (non-empty), else empty
 */
public record SectionSpec(int[] part, Kind kind, List<String> headerFields) {

    public enum Kind {
        /** {@code BODY[]} (whole message) or {@code BODY[1.2]} (the part's body). */
        FULL,
        HEADER,
        HEADER_FIELDS,
        HEADER_FIELDS_NOT,
        TEXT,
        /** {@code BODY[1.2.MIME]}: the part's own header; needs a part number. */
        MIME
    }

    public SectionSpec {
        Objects.requireNonNull(kind, "kind");
        part = part == null ? new int[0] : part.clone();
        for (int n : part) {
            if (n < 1) {
                throw new IllegalArgumentException("part numbers start at 1");
            }
        }
        headerFields = headerFields == null ? List.of() : List.copyOf(headerFields);
        boolean fields = kind == Kind.HEADER_FIELDS || kind == Kind.HEADER_FIELDS_NOT;
        if (fields == headerFields.isEmpty()) {
            throw new IllegalArgumentException(fields ? "HEADER.FIELDS needs field names"
                    : "field names only go with HEADER.FIELDS");
        }
        if (kind == Kind.MIME && part.length == 0) {
            throw new IllegalArgumentException("MIME needs a part number");
        }
    }

    public static SectionSpec whole() {
        return new SectionSpec(new int[0], Kind.FULL, List.of());
    }

    public static SectionSpec of(Kind kind, int... part) {
        return new SectionSpec(part, kind, List.of());
    }

    public static SectionSpec fields(boolean not, List<String> names, int... part) {
        return new SectionSpec(part, not ? Kind.HEADER_FIELDS_NOT : Kind.HEADER_FIELDS, names);
    }

    @Override
    public int[] part() {
        return part.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SectionSpec s && Arrays.equals(part, s.part) && kind == s.kind
                && headerFields.equals(s.headerFields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(part), kind, headerFields);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int n : part) {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(n);
        }
        if (kind != Kind.FULL) {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(kind.name().replace('_', '.'));
            if (!headerFields.isEmpty()) {
                b.append(" (").append(String.join(" ", headerFields)).append(')');
            }
        }
        return b.toString();
    }
}
