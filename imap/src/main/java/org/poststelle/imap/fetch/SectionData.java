package org.poststelle.imap.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.poststelle.imap.command.Section;
import org.poststelle.store.MessageContent;
import org.poststelle.store.mime.MessageStructure;

/** The bytes of one BODY[section]: a range of the stored message, or bytes computed from it. */
sealed interface SectionData {

    long length();

    /** The sub-range {@code <offset.length>} (RFC 3501 partial fetch), clipped to the data. */
    SectionData partial(long offset, long length);

    /** A range of the message in its CRLF form. */
    record Range(long offset, long length) implements SectionData {
        @Override
        public SectionData partial(long from, long count) {
            long start = Math.min(from, length);
            return new Range(offset + start, Math.min(count, length - start));
        }
    }

    /** Bytes computed from the message (HEADER.FIELDS, MIME headers of parts). */
    record Computed(byte[] bytes) implements SectionData {
        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public SectionData partial(long from, long count) {
            int start = (int) Math.min(from, bytes.length);
            int end = (int) Math.min(bytes.length, start + count);
            return new Computed(Arrays.copyOfRange(bytes, start, end));
        }
    }

    /** Locates a top-level section; part numbers go through the MIME structure. */
    static SectionData locate(MessageContent content, Section section) throws IOException {
        if (!section.part().isEmpty()) {
            return PartSections.locate(content, section);
        }
        MessageStructure s = content.structure();
        long size = content.size();
        long header = Math.min(s.headerLength(), size);
        return switch (section.kind()) {
            case ALL -> new Range(0, size);
            case HEADER -> new Range(0, header);
            case TEXT -> new Range(header, size - header);
            case HEADER_FIELDS, HEADER_FIELDS_NOT -> new Computed(HeaderFields.select(read(content, 0, header),
                    section.fields(), section.kind() == Section.Kind.HEADER_FIELDS_NOT));
            case MIME -> throw new IllegalArgumentException("MIME without a part");
        };
    }

    static byte[] read(MessageContent content, long offset, long length) throws IOException {
        try (InputStream in = content.open(offset, length)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, length));
        }
    }
}
