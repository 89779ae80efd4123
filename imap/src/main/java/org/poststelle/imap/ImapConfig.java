package org.poststelle.imap;

import java.nio.file.Path;
import java.time.Duration;
import org.poststelle.core.config.ConfigSection;

/**
 * The {@code imap} section of poststelle.yml (documented in docs/config/imap.yml). Listener ports and TLS
 * modes belong to the server's listener configuration, not here.
 *
 * @param maxLineLength longest command line (between literals) after login, in bytes
 * @param maxLineLengthBeforeLogin longest command line before login
 * @param maxLiteralSize largest literal held in memory for commands other than APPEND
 * @param maxLiteralSizeBeforeLogin largest literal of any kind before login
 * @param appendLimit largest message APPEND accepts (advertised as APPENDLIMIT)
 * @param maxCommandSize most bytes one command may hold in memory (lines plus in-memory literals)
 * @param spoolThreshold APPEND literals larger than this are written to a temporary file instead of the heap
 * @param spoolDirectory where those temporary files go
 * @param idleKeepalive interval of the untagged {@code * OK Still here} during IDLE
 * @param idleRecheck how often an idling session re-reads its mailbox even without a change hint
 * @param autologout inactivity after which an authenticated session is logged out (IDLE excepted)
 * @param autologoutBeforeLogin inactivity after which a not yet authenticated connection is closed
 * @param maxBadCommands BAD answers after which the connection is closed
 * @param maxAuthFailures failed logins on one connection after which it is closed
 * @param utf8Accept whether UTF8=ACCEPT (RFC 6855) is offered: off by default, because Jakarta/Angus Mail enables
 *     it whenever offered and then sends search strings one byte per character, losing all but Latin-1
 */
public record ImapConfig(int maxLineLength, int maxLineLengthBeforeLogin, int maxLiteralSize,
        int maxLiteralSizeBeforeLogin, long appendLimit, int maxCommandSize, int spoolThreshold, Path spoolDirectory,
        Duration idleKeepalive, Duration idleRecheck, Duration autologout, Duration autologoutBeforeLogin,
        int maxBadCommands, int maxAuthFailures, boolean utf8Accept) {

    public static ImapConfig defaults() {
        return from(ConfigSection.empty());
    }

    public static ImapConfig from(ConfigSection s) {
        return new ImapConfig(
                intBytes(s, "max_line_length", 64 << 10, 1 << 10, 16 << 20),
                intBytes(s, "max_line_length_before_login", 8 << 10, 512, 1 << 20),
                intBytes(s, "max_literal_size", 64 << 10, 1 << 10, 64 << 20),
                intBytes(s, "max_literal_size_before_login", 8 << 10, 0, 1 << 20),
                positive(s, "append_limit", s.bytes("append_limit", 64L << 20)),
                intBytes(s, "max_command_size", 1 << 20, 4 << 10, 256 << 20),
                intBytes(s, "literal_spool_threshold", 256 << 10, 0, 64 << 20),
                s.path("spool_directory", null, Path.of(System.getProperty("java.io.tmpdir"))),
                positive(s, "idle_keepalive", s.duration("idle_keepalive", Duration.ofMinutes(2))),
                positive(s, "idle_recheck", s.duration("idle_recheck", Duration.ofSeconds(30))),
                atLeast(s, "autologout", s.duration("autologout", Duration.ofMinutes(30)), Duration.ofMinutes(1)),
                positive(s, "autologout_before_login", s.duration("autologout_before_login", Duration.ofSeconds(60))),
                s.integer("max_bad_commands", 20, 1, 10_000),
                s.integer("max_auth_failures", 3, 1, 100),
                s.bool("utf8_accept", false));
    }

    private static int intBytes(ConfigSection s, String key, int def, int min, int max) {
        long v = s.bytes(key, def);
        if (v < min || v > max) {
            throw new org.poststelle.core.config.ConfigException(s.key(key),
                    "must be between " + min + " and " + max + " bytes (got " + v + ")");
        }
        return (int) v;
    }

    private static long positive(ConfigSection s, String key, long v) {
        if (v <= 0) {
            throw new org.poststelle.core.config.ConfigException(s.key(key), "must be greater than 0");
        }
        return v;
    }

    private static Duration positive(ConfigSection s, String key, Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new org.poststelle.core.config.ConfigException(s.key(key), "must be greater than 0");
        }
        return d;
    }

    private static Duration atLeast(ConfigSection s, String key, Duration d, Duration min) {
        if (d.compareTo(min) < 0) {
            throw new org.poststelle.core.config.ConfigException(s.key(key), "must be at least " + min.toSeconds() + "s");
        }
        return d;
    }

    /** The same configuration with another APPENDLIMIT (the store's message size limit may be lower). */
    public ImapConfig withAppendLimit(long limit) {
        return new ImapConfig(maxLineLength, maxLineLengthBeforeLogin, maxLiteralSize, maxLiteralSizeBeforeLogin,
                limit, maxCommandSize, spoolThreshold, spoolDirectory, idleKeepalive, idleRecheck, autologout,
                autologoutBeforeLogin, maxBadCommands, maxAuthFailures, utf8Accept);
    }

    /** Line limit for the current login state. */
    public int lineLimit(boolean authenticated) {
        return authenticated ? maxLineLength : maxLineLengthBeforeLogin;
    }
}
