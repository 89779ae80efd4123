package org.poststelle.store.model;

import java.time.Instant;

/**
 * Per-message facts kept in the index; reading them never opens the message file.
 *
 * @param uid the UID
 * @param size RFC822.SIZE: the size with CRLF line endings
 * @param internalDate IMAP INTERNALDATE (the date given at APPEND, or the delivery time)
 * @param saveDate when this copy was saved into this mailbox (RFC 8514)
 * @param flags current flags
 * @param modSeq modseq of the last change (RFC 7162)
 * @param emailId stable message id (RFC 8474 EMAILID; Dovecot's GUID when migrated)
 * @param pop3Uidl a POP3 UIDL recorded for this message (from dovecot-uidlist), or null to derive one
 * @param firstRetrieved when POP3 first retrieved it (for expire retention), or null
 */
public record MessageMeta(long uid, long size, Instant internalDate, Instant saveDate, Flags flags, long modSeq,
        String emailId, String pop3Uidl, Instant firstRetrieved) {
}
