package org.poststelle.imap.session;

import org.poststelle.imap.response.Status;

/**
 * How a command ends: the tagged status with an optional response code, and what the connection does next.
 * {@link #PENDING} means the handler finishes later through {@link ImapSession#complete(Result)} (login
 * waiting for the authenticator, IDLE waiting for DONE, a FETCH streaming at the client's pace).
 */
public final class Result {
    /** What happens to the connection after the tagged response. */
    public enum After { CONTINUE, CLOSE, START_TLS, COMPRESS }

    public static final Result PENDING = new Result(Status.OK, null, "pending", After.CONTINUE);

    private final Status status;
    private final String code;
    private final String text;
    private final After after;

    private Result(Status status, String code, String text, After after) {
        this.status = status;
        this.code = code;
        this.text = text;
        this.after = after;
    }

    public static Result ok(String text) {
        return new Result(Status.OK, null, text, After.CONTINUE);
    }

    public static Result ok(String code, String text) {
        return new Result(Status.OK, code, text, After.CONTINUE);
    }

    public static Result no(String code, String text) {
        return new Result(Status.NO, code, text, After.CONTINUE);
    }

    public static Result no(String text) {
        return new Result(Status.NO, null, text, After.CONTINUE);
    }

    public static Result bad(String text) {
        return new Result(Status.BAD, null, text, After.CONTINUE);
    }

    public static Result bad(String code, String text) {
        return new Result(Status.BAD, code, text, After.CONTINUE);
    }

    public Result then(After next) {
        return new Result(status, code, text, next);
    }

    public Result withCode(String newCode) {
        return new Result(status, newCode, text, after);
    }

    public Status status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String text() {
        return text;
    }

    public After after() {
        return after;
    }

    public boolean isPending() {
        return this == PENDING;
    }

    @Override
    public String toString() {
        return status + (code == null ? "" : " [" + code + "]") + " " + text;
    }
}
