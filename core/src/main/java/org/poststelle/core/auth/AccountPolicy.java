package org.poststelle.core.auth;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Per-account policy, kept in the extra fields of the account's passwd-file line.
 *
 * @param protocols protocols the account may log in with; a login over another one fails like a wrong password
 * @param quotaBytes storage quota in bytes, 0 for unlimited
 * @param quotaMessages message-count quota, 0 for unlimited
 * @param pop3Retention what happens to mail after POP3 retrieval
 * @param loginDelay minimum time between POP3 logins (RFC 2449 LOGIN-DELAY), zero for none
 * @param disabled a disabled account cannot log in (answered like a wrong password)
 */
public record AccountPolicy(Set<Protocol> protocols, long quotaBytes, long quotaMessages,
        Pop3Retention pop3Retention, Duration loginDelay, boolean disabled) {

    public static final AccountPolicy DEFAULT =
            new AccountPolicy(EnumSet.allOf(Protocol.class), 0, 0, Pop3Retention.KEEP, Duration.ZERO, false);

    public AccountPolicy {
        protocols = protocols.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(protocols));
        if (quotaBytes < 0 || quotaMessages < 0) {
            throw new IllegalArgumentException("quota cannot be negative");
        }
    }

    public boolean allows(Protocol protocol) {
        return !disabled && protocols.contains(protocol);
    }
}
