package org.poststelle.imap.session;

import org.poststelle.store.StoreException;

/** Maps store failures to IMAP answers with RFC 5530 response codes; the store's message is client-safe. */
public final class StoreErrors {
    private StoreErrors() {
    }

    public static Result result(StoreException e) {
        String text = e.getMessage() == null ? "Failed" : e.getMessage();
        return Result.no(code(e.reason()), text);
    }

    /** For APPEND, COPY and MOVE: a missing target mailbox is [TRYCREATE] (RFC 3501 section 6.3.11). */
    public static Result resultForTarget(StoreException e) {
        if (e.reason() == StoreException.Reason.NOT_FOUND) {
            return Result.no("TRYCREATE", e.getMessage() == null ? "Mailbox does not exist" : e.getMessage());
        }
        return result(e);
    }

    public static String code(StoreException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> "NONEXISTENT";
            case ALREADY_EXISTS -> "ALREADYEXISTS";
            case OVER_QUOTA -> "OVERQUOTA";
            case INVALID_NAME, NOT_ALLOWED -> "CANNOT";
            case MESSAGE_GONE -> "EXPUNGEISSUED";
            case TOO_BIG -> "TOOBIG";
            case LIMIT -> "LIMIT";
            case TEMPORARY -> "UNAVAILABLE";
        };
    }
}
