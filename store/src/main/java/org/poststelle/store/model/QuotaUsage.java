package org.poststelle.store.model;

/**
 * An account's quota: usage and limits (0 = unlimited), as IMAP QUOTA (RFC 9208) reports them.
 *
 * @param storageBytes bytes used
 * @param storageLimit bytes allowed, 0 for unlimited
 * @param messages messages stored
 * @param messageLimit messages allowed, 0 for unlimited
 */
public record QuotaUsage(long storageBytes, long storageLimit, long messages, long messageLimit) {
}
