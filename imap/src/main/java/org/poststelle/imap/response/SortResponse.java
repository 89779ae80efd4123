package org.poststelle.imap.response;

import org.poststelle.imap.protocol.ImapWriter;

/**
 * {@code * SORT 5 3 4 1 2} (RFC 5256), with {@code (MODSEQ n)} when the search used a MODSEQ key and found
 * something (RFC 7162 section 3.1.5).
 *
 * @param numbers message sequence numbers or UIDs in sort order
 * @param modSeq the highest modseq of the matches, or 0 to leave it out
 */
public record SortResponse(long[] numbers, long modSeq) implements ImapResponse {
    @Override
    public void writeTo(ImapWriter w) {
        w.untagged().atom("SORT");
        for (long n : numbers) {
            w.number(n);
        }
        if (modSeq > 0 && numbers.length > 0) {
            w.open().atom("MODSEQ").number(modSeq).close();
        }
        w.end();
    }
}
