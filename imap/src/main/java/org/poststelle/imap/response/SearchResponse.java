package org.poststelle.imap.response;

import org.poststelle.imap.protocol.ImapWriter;
import org.poststelle.store.model.UidSet;

/**
 * {@code * SEARCH 2 5 8} (RFC 3501), with {@code (MODSEQ n)} after the numbers when the search used a MODSEQ key
 * and found something (RFC 7162 section 3.1.5).
 *
 * @param numbers message sequence numbers or UIDs, written in ascending order
 * @param modSeq the highest modseq of the matches, or 0 to leave it out
 */
public record SearchResponse(UidSet numbers, long modSeq) implements ImapResponse {
    @Override
    public void writeTo(ImapWriter w) {
        w.untagged().atom("SEARCH");
        numbers.forEachUid(w::number);
        if (modSeq > 0 && !numbers.isEmpty()) {
            w.open().atom("MODSEQ").number(modSeq).close();
        }
        w.end();
    }
}
