package org.poststelle.imap.fetch;

import org.poststelle.imap.command.FetchItem;
import org.poststelle.imap.protocol.ImapWriter;
import org.poststelle.store.MessageContent;

/** ENVELOPE, BODY and BODYSTRUCTURE: rendered by the MIME structure renderers (imap.fetch.structure). */
final class StructureItems {
    private StructureItems() {
    }

    static boolean supported() {
        return false;
    }

    static void write(ImapWriter w, FetchItem.Simple item, MessageContent content) {
        throw new UnsupportedOperationException(item + " needs the MIME structure");
    }
}
