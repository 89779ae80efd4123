package org.poststelle.pop3.command;

/** A command whose arguments do not parse; the message is the text of the -ERR answer. */
public final class BadCommandException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadCommandException(String message) {
        super(message, null, false, false);
    }
}
