package org.poststelle.core.auth;

import java.util.Optional;

/**
 * An account as the rest of the server sees it once authenticated. It never carries the password.
 *
 * @param username the login name as stored ({@code local@domain} or bare)
 * @param localPart the part before '@' (the whole name when bare)
 * @param domain the domain after '@', or the configured default domain, or "" when neither exists
 * @param home the home directory from the passwd-file (6th field), if any; the store puts mail below it
 * @param policy protocols, quota, retention, disabled
 */
public record Account(String username, String localPart, String domain, Optional<String> home, AccountPolicy policy) {
}
