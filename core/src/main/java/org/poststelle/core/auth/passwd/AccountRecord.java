package org.poststelle.core.auth.passwd;

import java.util.List;
import java.util.Optional;
import org.poststelle.core.auth.Account;
import org.poststelle.core.auth.hash.StoredPassword;
import org.poststelle.core.net.Cidr;

/**
 * One account as loaded from the passwd-file: what the authenticator needs to decide a login.
 *
 * @param account the account handed to the front-ends on success
 * @param line the raw line; a cached verification is only trusted while it is unchanged
 * @param password empty when the line has no usable password (no login possible)
 * @param allowNets networks the account may log in from (Dovecot's {@code allow_nets}); empty: anywhere
 * @param problem why the line cannot be used for logins (bad policy field, unknown scheme), if it cannot
 */
public record AccountRecord(Account account, String line, Optional<StoredPassword> password, List<Cidr> allowNets,
        Optional<String> problem) {

    public AccountRecord {
        allowNets = List.copyOf(allowNets);
    }

    public boolean usable() {
        return problem.isEmpty() && password.isPresent();
    }

    @Override
    public String toString() {
        return "AccountRecord[" + account.username() + "]";
    }
}
