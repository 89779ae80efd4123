package org.poststelle.pop3;

import java.time.Duration;
import org.poststelle.core.config.ConfigException;
import org.poststelle.core.config.ConfigSection;

/**
 * The {@code pop3} section of poststelle.yml (documented in docs/config/pop3.yml). Listeners and ports are
 * the server's business; this is how a POP3 session behaves.
 *
 * @param greeting text after "+OK " in the greeting line
 * @param implementation announced by CAPA IMPLEMENTATION; empty announces nothing
 * @param loginTimeout idle time allowed before login
 * @param idleTimeout idle time allowed after login (RFC 1939 asks for at least 10 minutes)
 * @param maxLineLength longest command line in octets, CRLF included
 * @param maxBadCommands bad commands tolerated; the one after that is answered and the connection closed
 * @param maxAuthFailures failed logins tolerated on one connection; the last one is answered and the connection closed
 * @param maxPipelinedCommands commands read ahead of their answers before the server stops reading
 * @param uidlFormat how unique-ids are built from UID, UIDVALIDITY and emailId
 * @param markSeen set \Seen on the messages retrieved with RETR when the session ends with QUIT
 * @param maildropLock which POP3 sessions lock the maildrop against other POP3 logins
 */
public record Pop3Config(String greeting, String implementation, Duration loginTimeout, Duration idleTimeout,
        int maxLineLength, int maxBadCommands, int maxAuthFailures, int maxPipelinedCommands, UidlFormat uidlFormat,
        boolean markSeen, MaildropLock maildropLock) {

    /** RFC 1939's exclusive maildrop lock, and how far it goes. */
    public enum MaildropLock {
        /**
         * A session takes the lock when it first marks a message for removal (DELE, or any RETR under the
         * {@code delete} retention); while it holds it, other POP3 logins get [IN-USE] and other sessions'
         * DELE is refused. Sessions that only read may run side by side.
         */
        WRITER,
        /** Every session takes the lock at login: a second POP3 login always gets [IN-USE]. */
        SESSION,
        /** No lock (sessions remove exact UIDs at QUIT, so concurrent sessions never lose or mix up mail). */
        NONE
    }

    public static final Pop3Config DEFAULT = from(ConfigSection.empty());

    public Pop3Config {
        if (loginTimeout.isNegative() || loginTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public static Pop3Config from(ConfigSection section) {
        String greeting = section.string("greeting", "Poststelle ready.");
        String implementation = section.string("implementation", "Poststelle");
        Duration loginTimeout = positive(section, "login_timeout", Duration.ofMinutes(1));
        Duration idleTimeout = positive(section, "idle_timeout", Duration.ofMinutes(10));
        long maxLine = section.bytes("max_line_length", 4096);
        if (maxLine < 256 || maxLine > 1 << 20) {
            throw new ConfigException(section.key("max_line_length"), "must be between 256 and 1m (got " + maxLine + ")");
        }
        int maxBad = section.integer("max_bad_commands", 10, 0, 1000);
        int maxAuthFailures = section.integer("max_auth_failures", 3, 1, 100);
        int maxPipelined = section.integer("max_pipelined_commands", 64, 1, 10_000);
        String uidl = section.string("uidl_format", UidlFormat.DEFAULT);
        UidlFormat format;
        try {
            format = UidlFormat.parse(uidl);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(section.key("uidl_format"), e.getMessage());
        }
        boolean markSeen = section.bool("mark_seen", true);
        MaildropLock lock = section.enumValue("maildrop_lock", MaildropLock.class, MaildropLock.WRITER);
        checkText(section, "greeting", greeting);
        checkText(section, "implementation", implementation);
        return new Pop3Config(greeting, implementation.strip(), loginTimeout, idleTimeout, (int) maxLine, maxBad,
                maxAuthFailures, maxPipelined, format, markSeen, lock);
    }

    private static Duration positive(ConfigSection section, String key, Duration def) {
        Duration d = section.duration(key, def);
        if (d.isZero() || d.isNegative()) {
            throw new ConfigException(section.key(key), "must be longer than 0");
        }
        return d;
    }

    private static void checkText(ConfigSection section, String key, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new ConfigException(section.key(key), "may not contain control characters or line breaks");
            }
        }
        if (value.length() > 200) {
            throw new ConfigException(section.key(key), "is longer than 200 characters");
        }
    }
}
