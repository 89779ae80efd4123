package org.poststelle.imap.session;

import java.util.Locale;

/**
 * The extensions a client switched on with ENABLE (RFC 5161), in one place so that code paths ask one
 * object instead of taking flags as parameters. CONDSTORE, QRESYNC and UTF8=ACCEPT are reserved here for the
 * second part of the IMAP work; ENABLE answers them only once they are implemented.
 */
public final class Extensions {
    private boolean imap4rev2;
    private boolean condstore;
    private boolean qresync;
    private boolean utf8Accept;

    /** Enables a capability by name; returns its canonical name, or null when the server cannot enable it. */
    String enable(String capability) {
        switch (capability.toUpperCase(Locale.ROOT)) {
            case "IMAP4REV2" -> {
                imap4rev2 = true;
                return "IMAP4rev2";
            }
            default -> {
                return null;
            }
        }
    }

    public boolean imap4rev2() {
        return imap4rev2;
    }

    public boolean condstore() {
        return condstore || qresync;
    }

    public boolean qresync() {
        return qresync;
    }

    public boolean utf8Accept() {
        return utf8Accept;
    }

    /** Mailbox names travel as UTF-8 rather than modified UTF-7 (RFC 9051 section 5.1, RFC 6855). */
    public boolean utf8Names() {
        return imap4rev2 || utf8Accept;
    }
}
