package org.poststelle.imap.fetch.structure;

import java.io.IOException;
import java.io.InputStream;
import org.poststelle.store.MessageContent;
import org.poststelle.store.mime.MessageStructure;
import org.poststelle.store.mime.MimePart;

/**
 * Finds what {@code BODY[section]} refers to (RFC 3501 §6.4.5, RFC 9051 §6.4.5), resolving part numbers the
 * way the reference server does:
 * <ul>
 * <li>in a multipart, n is its n-th body part;
 * <li>a non-multipart part only has part 1, which is itself ({@code BODY[1]} of a single-part message is its
 * body; {@code BODY[2.1]} = {@code BODY[2]} for a leaf part 2); deeper numbers need a message/rfc822 part;
 * <li>numbers after a message/rfc822 (or message/global) part continue inside the embedded message
 * ({@code BODY[2.1]} is the first part of the message attached as part 2);
 * <li>{@code n.HEADER}, {@code n.TEXT} and {@code n.HEADER.FIELDS} need part n to be a message/rfc822: they
 * address the embedded message's header and text; {@code n.MIME} is part n's own header (for the top-level
 * part, the message header).
 * </ul>
 * A part that does not exist yields {@link Section.Missing} (the reference answers an empty string).
 * message/global counts as an embedded message only under IMAP4rev2, matching how
 * {@link BodyStructureRenderer} describes it to the client.
 *
 * <p>Literals cannot carry NUL (RFC 3501 §4.3), yet a section's octets may contain it: FETCH replaces it by
 * 0x80 when it sends a {@link Section.Range} or {@link Section.Bytes} in a plain literal, as the reference does
 * ({@code imap.fetch.NulReplacement}); BINARY's literal8 may carry NUL.
 */
public final class SectionLocator {
    /**
     * HEADER.FIELDS reads the header block into memory; a "header" this large can only be a broken message
     * (e.g. a binary file without blank line), so only its start is filtered.
     */
    static final int MAX_HEADER_READ = 8 * 1024 * 1024;

    private SectionLocator() {
    }

    /**
     * Locates a section; HEADER.FIELDS(.NOT) comes back as {@link Section.Fields}, which needs the header bytes
     * ({@link #resolve} does that).
     */
    public static Section locate(MessageStructure message, SectionSpec spec) {
        return locate(message, spec, false);
    }

    /** As {@link #locate(MessageStructure, SectionSpec)}, for an IMAP4rev1 or (after ENABLE) IMAP4rev2 session. */
    public static Section locate(MessageStructure message, SectionSpec spec, boolean imap4rev2) {
        MimePart root = message.root();
        int[] path = spec.part();
        if (path.length == 0) {
            switch (spec.kind()) {
                case FULL:
                    return new Section.Range(0, message.size());
                case TEXT:
                    return body(root);
                default:
                    return headerSection(root, spec);
            }
        }
        MimePart part = find(root, path, imap4rev2);
        if (part == null) {
            return new Section.Missing();
        }
        switch (spec.kind()) {
            case FULL:
                return body(part);
            case MIME:
                return header(part);
            default:
                MimePart embedded = isMessage(part, imap4rev2) ? part.message() : null;
                if (embedded == null) {
                    return new Section.Missing();
                }
                return spec.kind() == SectionSpec.Kind.TEXT ? body(embedded) : headerSection(embedded, spec);
        }
    }

    /**
     * Locates a section and reads the header for HEADER.FIELDS(.NOT): the result is a {@link Section.Range},
     * {@link Section.Bytes} or {@link Section.Missing}.
     */
    public static Section resolve(MessageContent content, SectionSpec spec) throws IOException {
        return resolve(content, spec, false);
    }

    public static Section resolve(MessageContent content, SectionSpec spec, boolean imap4rev2) throws IOException {
        Section s = locate(content.structure(), spec, imap4rev2);
        if (s instanceof Section.Fields f) {
            return f.select(read(content, f.header()));
        }
        return s;
    }

    /** The part a path addresses, or null. */
    public static MimePart find(MimePart root, int[] path, boolean imap4rev2) {
        MimePart part = root;
        for (int i = 0; i < path.length && part != null; i++) {
            int n = path[i];
            boolean last = i == path.length - 1;
            if (part.isMultipart()) {
                part = n <= part.children().size() ? part.children().get(n - 1) : null;
            } else if (n != 1 || (!last && !isMessage(part, imap4rev2))) {
                part = null;
            }
            if (part != null && !last && isMessage(part, imap4rev2)) {
                part = part.message();
            }
        }
        return part;
    }

    /** message/rfc822 always; message/global only where IMAP4rev2 makes it an encapsulated message. */
    static boolean isMessage(MimePart part, boolean imap4rev2) {
        return part.isMessage() && (imap4rev2 || part.subtype().equalsIgnoreCase("rfc822"));
    }

    private static Section body(MimePart p) {
        return new Section.Range(p.bodyOffset(), p.bodyLength());
    }

    private static Section.Range header(MimePart p) {
        return new Section.Range(p.headerOffset(), p.headerLength());
    }

    private static Section headerSection(MimePart messageRoot, SectionSpec spec) {
        Section.Range header = header(messageRoot);
        switch (spec.kind()) {
            case HEADER:
                return header;
            case HEADER_FIELDS:
                return new Section.Fields(header, spec.headerFields(), false);
            case HEADER_FIELDS_NOT:
                return new Section.Fields(header, spec.headerFields(), true);
            default:
                throw new IllegalArgumentException(spec.kind() + " is not a header section");
        }
    }

    private static byte[] read(MessageContent content, Section.Range r) throws IOException {
        int n = (int) Math.min(r.length(), MAX_HEADER_READ);
        try (InputStream in = content.open(r.offset(), n)) {
            return in.readNBytes(n);
        }
    }
}
