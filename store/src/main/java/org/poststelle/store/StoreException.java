package org.poststelle.store;

/**
 * Every failure of a store operation, with a reason the front-ends map to protocol answers (IMAP response
 * codes, POP3 -ERR texts). The message is safe to show to the client: it never contains paths or stack
 * details.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** No such mailbox (IMAP [NONEXISTENT], or [TRYCREATE] for APPEND/COPY targets). */
        NOT_FOUND,
        /** The mailbox already exists ([ALREADYEXISTS]). */
        ALREADY_EXISTS,
        /** Over the account's storage or message quota ([OVERQUOTA]). */
        OVER_QUOTA,
        /** A mailbox name that cannot be stored (path escape, control characters, too long) ([CANNOT]). */
        INVALID_NAME,
        /** The message was expunged by another session ([EXPUNGEISSUED]). */
        MESSAGE_GONE,
        /** Not allowed on this mailbox, e.g. deleting INBOX ([CANNOT]). */
        NOT_ALLOWED,
        /** A message larger than the configured limit ([TOOBIG]). */
        TOO_BIG,
        /** A store limit such as the number of keywords per mailbox ([LIMIT]). */
        LIMIT,
        /** A temporary failure: I/O error, lock timeout ([UNAVAILABLE], [SYS/TEMP]). */
        TEMPORARY
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
