package org.poststelle.imap.fetch;

import java.io.IOException;
import org.poststelle.imap.command.Section;
import org.poststelle.store.MessageContent;

/** BODY[1.2...] sections: located through the MIME structure (the mime work's SectionLocator). */
final class PartSections {
    private PartSections() {
    }

    /** Whether part-number sections can be served yet. */
    static boolean supported() {
        return false;
    }

    static SectionData locate(MessageContent content, Section section) throws IOException {
        throw new UnsupportedOperationException("part sections need the MIME structure");
    }
}
