package org.poststelle.core.auth;

import java.util.Locale;

/** The mail access protocols an account may be allowed to use. */
public enum Protocol {
    IMAP, POP3;

    /** Lower-case name as used in config, passwd-file extra fields and metric tags. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
