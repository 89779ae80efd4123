package org.poststelle.store.search;

/** The SORT keys of RFC 5256 and RFC 5957 (REVERSE is {@link SortCriterion#reverse()}). */
public enum SortKey {
    /** Internal date and time. */
    ARRIVAL,
    /** addr-mailbox (local part) of the first Cc address. */
    CC,
    /** Sent date (Date header, in UTC), the internal date when there is no readable Date header. */
    DATE,
    /** addr-mailbox (local part) of the first From address. */
    FROM,
    /** RFC822.SIZE. */
    SIZE,
    /** Base subject (RFC 5256 section 2.1). */
    SUBJECT,
    /** addr-mailbox (local part) of the first To address. */
    TO,
    /** Display name of the first From address, else its addr-spec (RFC 5957). */
    DISPLAYFROM,
    /** Display name of the first To address, else its addr-spec (RFC 5957). */
    DISPLAYTO
}
