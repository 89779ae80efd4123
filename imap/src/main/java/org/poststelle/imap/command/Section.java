package org.poststelle.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poststelle.imap.protocol.BadCommandException;

/**
 * A BODY[section] specifier: a part path (empty for the whole message) and what of it.
 *
 * @param part part numbers ({@code 1.2} is [1, 2]); empty for the top level
 * @param fields header field names for HEADER.FIELDS and HEADER.FIELDS.NOT, as sent
 */
public record Section(List<Integer> part, Kind kind, List<String> fields) {
    /** What of the part is meant. */
    public enum Kind { ALL, HEADER, HEADER_FIELDS, HEADER_FIELDS_NOT, TEXT, MIME }

    public static final Section WHOLE = new Section(List.of(), Kind.ALL, List.of());
    public static final Section HEADER = new Section(List.of(), Kind.HEADER, List.of());
    public static final Section TEXT = new Section(List.of(), Kind.TEXT, List.of());

    public Section {
        part = List.copyOf(part);
        fields = List.copyOf(fields);
    }

    /**
     * Parses the text between the brackets, without the field list.
     *
     * @param fields the HEADER.FIELDS list, or null when the spec has none
     */
    public static Section parse(String spec, List<String> fields) throws BadCommandException {
        List<Integer> part = new ArrayList<>();
        String rest = spec;
        while (!rest.isEmpty() && Character.isDigit(rest.charAt(0))) {
            int dot = rest.indexOf('.');
            String n = dot < 0 ? rest : rest.substring(0, dot);
            int value;
            try {
                value = Integer.parseInt(n);
            } catch (NumberFormatException e) {
                throw new BadCommandException("Invalid section " + spec);
            }
            if (value < 1 || part.size() >= 100) {
                throw new BadCommandException("Invalid section " + spec);
            }
            part.add(value);
            rest = dot < 0 ? "" : rest.substring(dot + 1);
            if (dot >= 0 && rest.isEmpty()) {
                throw new BadCommandException("Invalid section " + spec);
            }
        }
        Kind kind = switch (rest.toUpperCase(Locale.ROOT)) {
            case "" -> Kind.ALL;
            case "HEADER" -> Kind.HEADER;
            case "HEADER.FIELDS" -> Kind.HEADER_FIELDS;
            case "HEADER.FIELDS.NOT" -> Kind.HEADER_FIELDS_NOT;
            case "TEXT" -> Kind.TEXT;
            case "MIME" -> Kind.MIME;
            default -> throw new BadCommandException("Invalid section " + spec);
        };
        if (kind == Kind.MIME && part.isEmpty()) {
            throw new BadCommandException("MIME needs a part number");
        }
        boolean wantsFields = kind == Kind.HEADER_FIELDS || kind == Kind.HEADER_FIELDS_NOT;
        if (wantsFields != (fields != null)) {
            throw new BadCommandException(wantsFields ? "Missing header field list" : "Unexpected list in section");
        }
        if (wantsFields && fields.isEmpty()) {
            throw new BadCommandException("Empty header field list");
        }
        return new Section(part, kind, fields == null ? List.of() : fields);
    }

    /** The section as it appears in the response, e.g. {@code 1.2.HEADER.FIELDS (SUBJECT FROM)}. */
    public String spec() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < part.size(); i++) {
            sb.append(i == 0 ? "" : ".").append(part.get(i));
        }
        String k = switch (kind) {
            case ALL -> "";
            case HEADER -> "HEADER";
            case HEADER_FIELDS -> "HEADER.FIELDS";
            case HEADER_FIELDS_NOT -> "HEADER.FIELDS.NOT";
            case TEXT -> "TEXT";
            case MIME -> "MIME";
        };
        if (!k.isEmpty()) {
            sb.append(part.isEmpty() ? "" : ".").append(k);
        }
        if (!fields.isEmpty()) {
            sb.append(" (");
            for (int i = 0; i < fields.size(); i++) {
                String f = fields.get(i);
                sb.append(i == 0 ? "" : " ");
                // names are echoed upper-cased as the reference server does (they compare case-insensitively);
                // one that is not an atom goes back quoted so the list stays intact
                if (org.poststelle.imap.protocol.ImapWriter.isAtom(f)) {
                    sb.append(f.toUpperCase(java.util.Locale.ROOT));
                } else {
                    sb.append('"').append(f.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
