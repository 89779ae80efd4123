package org.poststelle.imap.fetch;

import java.io.IOException;
import java.util.List;
import org.poststelle.imap.command.Section;
import org.poststelle.imap.fetch.structure.SectionLocator;
import org.poststelle.imap.fetch.structure.SectionSpec;
import org.poststelle.store.MessageContent;

/** Turns a parsed BODY[section] into the MIME work's {@link SectionSpec} and locates it in a message. */
final class SectionData {
    private SectionData() {
    }

    /**
     * A {@link org.poststelle.imap.fetch.structure.Section.Range}, {@code Bytes} or {@code Missing}.
     *
     * @param imap4rev2 the session enabled IMAP4rev2: a message/global part is then an embedded message, as
     *     BODYSTRUCTURE shows it to this session, so part numbers continue inside it
     */
    static org.poststelle.imap.fetch.structure.Section locate(MessageContent content, Section section,
            boolean imap4rev2) throws IOException {
        return SectionLocator.resolve(content, spec(section), imap4rev2);
    }

    static SectionSpec spec(Section s) {
        List<Integer> part = s.part();
        int[] path = new int[part.size()];
        for (int i = 0; i < path.length; i++) {
            path[i] = part.get(i);
        }
        SectionSpec.Kind kind = switch (s.kind()) {
            case ALL -> SectionSpec.Kind.FULL;
            case HEADER -> SectionSpec.Kind.HEADER;
            case HEADER_FIELDS -> SectionSpec.Kind.HEADER_FIELDS;
            case HEADER_FIELDS_NOT -> SectionSpec.Kind.HEADER_FIELDS_NOT;
            case TEXT -> SectionSpec.Kind.TEXT;
            case MIME -> SectionSpec.Kind.MIME;
        };
        return new SectionSpec(path, kind, s.fields());
    }
}
