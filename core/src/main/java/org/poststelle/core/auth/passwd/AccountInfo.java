package org.poststelle.core.auth.passwd;

import java.util.List;
import java.util.Optional;
import org.poststelle.core.auth.AccountPolicy;

/**
 * An account as {@code poststelle user list|show} shows it: never the password or its hash.
 *
 * @param username the name as stored
 * @param scheme the password scheme ("ARGON2ID"...), or empty when the line has no usable password
 * @param home the home directory field, if set
 * @param policy the policy from the extra fields (the default when they cannot be read, see {@code problem})
 * @param otherFields extra fields Poststelle does not interpret, as written
 * @param problem why the account cannot log in, if it cannot (bad field, unknown scheme)
 */
public record AccountInfo(String username, Optional<String> scheme, Optional<String> home, AccountPolicy policy,
        List<String> otherFields, Optional<String> problem) {

    public AccountInfo {
        otherFields = List.copyOf(otherFields);
    }

    static AccountInfo of(PasswdEntry entry, String defaultDomain) {
        AccountRecord r = AccountDatabase.record(entry, entry.format(), defaultDomain);
        return new AccountInfo(r.account().username(), r.password().map(p -> p.scheme()), entry.homeDirectory(),
                r.account().policy(), AccountFields.others(entry.extraFields()), r.problem());
    }
}
