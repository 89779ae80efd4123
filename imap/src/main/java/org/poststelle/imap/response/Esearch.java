package org.poststelle.imap.response;

import org.poststelle.imap.protocol.ImapWriter;

/**
 * {@code * ESEARCH (TAG "a1") UID MIN 2 MAX 9 ALL 2:4,9 COUNT 4} (RFC 4731, RFC 9051), items in that order as
 * Dovecot writes them. MIN, MAX and ALL are left out when nothing matched; COUNT is always given when asked.
 *
 * @param min the lowest number found, or 0 to leave MIN out
 * @param max the highest number found, or 0 to leave MAX out
 * @param all the numbers found as a sequence set (in sort order for ESORT), or null or empty to leave ALL out
 * @param count the number of matches, or -1 to leave COUNT out
 * @param modSeq the MODSEQ to add (RFC 4731 section 3.2), or 0 to leave it out
 */
public record Esearch(String tag, boolean uid, long min, long max, String all, long count, long modSeq)
        implements ImapResponse {
    @Override
    public void writeTo(ImapWriter w) {
        w.untagged().atom("ESEARCH").open().atom("TAG").quoted(tag).close();
        if (uid) {
            w.atom("UID");
        }
        if (min > 0) {
            w.atom("MIN").number(min);
        }
        if (max > 0) {
            w.atom("MAX").number(max);
        }
        if (all != null && !all.isEmpty()) {
            w.atom("ALL").atom(all);
        }
        if (count >= 0) {
            w.atom("COUNT").number(count);
        }
        if (modSeq > 0) {
            w.atom("MODSEQ").number(modSeq);
        }
        w.end();
    }
}
