package org.poststelle.imap.session;

import java.util.Locale;

/**
 * The extensions a client switched on with ENABLE (RFC 5161), in one place so that code paths ask one
 * object instead of taking flags as parameters. CONDSTORE is also switched on by the other "CONDSTORE enabling
 * commands" (RFC 7162 section 3.1); QRESYNC implies it. UTF8=ACCEPT (RFC 6855) makes mailbox names UTF-8, as
 * IMAP4rev2 does, and allows APPEND's UTF8 data.
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
            case "CONDSTORE" -> {
                condstore = true;
                return "CONDSTORE";
            }
            case "QRESYNC" -> {
                qresync = true;
                return "QRESYNC";
            }
            case "UTF8=ACCEPT" -> {
                utf8Accept = true;
                return "UTF8=ACCEPT";
            }
            default -> {
                return null;
            }
        }
    }

    /** A CONDSTORE enabling command other than ENABLE; true when CONDSTORE was off until now. */
    boolean enableCondstore() {
        boolean first = !condstore();
        condstore = true;
        return first;
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
