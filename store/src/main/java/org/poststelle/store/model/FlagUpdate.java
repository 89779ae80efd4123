package org.poststelle.store.model;

/**
 * The result of a flag update.
 *
 * @param uids messages whose flags were written (changed or not), parallel to {@code flags} and {@code modSeqs}
 * @param flags their flags after the update
 * @param modSeqs their modseq after the update (unchanged messages keep their modseq)
 * @param failedUnchangedSince messages not updated because their modseq was above UNCHANGEDSINCE (RFC 7162
 *        MODIFIED)
 * @param highestModSeq the mailbox's highest modseq after the update
 */
public record FlagUpdate(long[] uids, Flags[] flags, long[] modSeqs, UidSet failedUnchangedSince,
        long highestModSeq) {
}
