package org.poststelle.store.model;

/** What STATUS (and SELECT) report about a mailbox; counted from the index, no message file is opened. */
public record MailboxStatus(long messages, long recent, long uidNext, long uidValidity, long unseen,
        long deleted, long size, long highestModSeq, String mailboxId) {
}
