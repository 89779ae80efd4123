package org.poststelle.imap.protocol;

/** A command whose arguments do not parse; answered with a tagged BAD carrying this message. */
public final class BadCommandException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadCommandException(String message) {
        super(message, null, false, false);
    }
}
