package org.poststelle.store.model;

/**
 * UIDPLUS COPYUID data.
 *
 * @param uidValidity the target mailbox's UIDVALIDITY
 * @param sourceUids source UIDs that were copied, ascending
 * @param targetUids the new UIDs in the target, parallel to sourceUids
 */
public record CopyResult(long uidValidity, long[] sourceUids, long[] targetUids) {
}
