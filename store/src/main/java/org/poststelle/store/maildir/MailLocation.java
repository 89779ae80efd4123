package org.poststelle.store.maildir;

import java.nio.file.Path;
import org.poststelle.core.auth.Account;
import org.poststelle.store.StoreConfig;
import org.poststelle.store.StoreException;

/**
 * Where an account's Maildir is: the {@code location} template ({@code %d} domain, {@code %n} local part,
 * {@code %u} user name) below the data directory, or {@code home_location} ({@code %h}, default
 * {@code %h/Maildir}) when the account has a home directory, like Dovecot's {@code maildir:~/Maildir}.
 * Substituted values may not contain '/' or be "." or "..", so no account can name another's directory.
 */
final class MailLocation {
    private MailLocation() {
    }

    static Path root(StoreConfig config, Account account) {
        String home = account.home().filter(h -> !h.isBlank()).orElse(null);
        String template = home != null ? config.homeLocation() : config.location();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '%' || i + 1 >= template.length()) {
                sb.append(c);
                continue;
            }
            char k = template.charAt(++i);
            switch (k) {
                case 'd' -> sb.append(part(account.domain()));
                case 'n' -> sb.append(part(account.localPart()));
                case 'u' -> sb.append(part(account.username()));
                case 'h' -> sb.append(home == null ? "" : home);
                case '%' -> sb.append('%');
                default -> sb.append('%').append(k);
            }
        }
        Path p = Path.of(sb.toString());
        if (!p.isAbsolute()) {
            p = config.dataDir().resolve(p);
        }
        return p.toAbsolutePath().normalize();
    }

    private static String part(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf('/') >= 0 || value.indexOf('\0') >= 0 || value.equals(".") || value.equals("..")
                || value.indexOf('\\') >= 0) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED,
                    "the account name cannot be mapped to a mail directory");
        }
        return value;
    }
}
