package org.poststelle.store.model;

/** UIDPLUS APPENDUID data: the target's UIDVALIDITY and the UIDs given, in the order appended. */
public record AppendResult(long uidValidity, long[] uids) {
}
