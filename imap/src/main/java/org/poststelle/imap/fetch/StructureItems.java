package org.poststelle.imap.fetch;

import org.poststelle.imap.command.FetchItem;
import org.poststelle.imap.fetch.structure.BodyStructureRenderer;
import org.poststelle.imap.fetch.structure.EnvelopeRenderer;
import org.poststelle.imap.protocol.ImapWriter;
import org.poststelle.store.MessageContent;
import org.poststelle.store.mime.MessageStructure;

/** ENVELOPE, BODY and BODYSTRUCTURE, rendered by the MIME structure renderers from the cached structure. */
final class StructureItems {
    private StructureItems() {
    }

    static void write(ImapWriter w, FetchItem.Simple item, MessageContent content, boolean imap4rev2) {
        MessageStructure s = content.structure();
        switch (item) {
            case ENVELOPE -> w.atom("ENVELOPE").atom(EnvelopeRenderer.render(s.envelope()));
            case BODY -> w.atom("BODY").atom(BodyStructureRenderer.body(s, imap4rev2));
            case BODYSTRUCTURE -> w.atom("BODYSTRUCTURE").atom(BodyStructureRenderer.bodyStructure(s, imap4rev2));
            default -> throw new IllegalArgumentException(item + " is not a structure item");
        }
    }
}
