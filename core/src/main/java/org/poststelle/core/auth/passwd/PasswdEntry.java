package org.poststelle.core.auth.passwd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One account line of a Dovecot passwd-file: {@code user:password:uid:gid:gecos:home:shell:extra_fields}.
 * Read as Dovecot reads it: only the user field is required, missing trailing fields are empty, the extra
 * fields are everything after the 7th colon (colons included) split on spaces. The old format with an
 * empty 8th field and a mail location in the 9th becomes a {@code userdb_mail=} extra field.
 *
 * @param user the user name as written (not yet lower-cased)
 * @param password the password field, "" when missing; never logged
 * @param uid kept verbatim, unused by Poststelle
 * @param gid kept verbatim, unused
 * @param gecos kept verbatim, unused
 * @param home the home directory, "" when missing
 * @param shell kept verbatim, unused
 * @param extraFields space-separated {@code key=value} (or bare {@code key}) tokens in file order
 */
public record PasswdEntry(String user, String password, String uid, String gid, String gecos, String home,
        String shell, List<String> extraFields) {

    public PasswdEntry {
        extraFields = List.copyOf(extraFields);
        for (String f : List.of(user, password, uid, gid, gecos, home, shell)) {
            if (f.indexOf(':') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("passwd-file fields cannot contain ':' or line breaks");
            }
        }
        for (String f : extraFields) {
            if (f.isEmpty() || f.indexOf(' ') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("extra fields cannot be empty or contain spaces or line breaks");
            }
        }
    }

    /** A new account line with only user, password, home and extra fields set. */
    public static PasswdEntry of(String user, String password, String home, List<String> extraFields) {
        return new PasswdEntry(user, password, "", "", "", home, "", extraFields);
    }

    /**
     * Parses one line; empty for blank lines, comments ({@code #}) and lines starting with ':', which Dovecot
     * skips too.
     */
    public static Optional<PasswdEntry> parse(String line) {
        if (line.isEmpty() || line.charAt(0) == ':' || line.charAt(0) == '#') {
            return Optional.empty();
        }
        List<String> f = new ArrayList<>(Arrays.asList(line.split(":", -1)));
        List<String> extra = new ArrayList<>();
        if (f.size() > 7) {
            List<String> rest = f.subList(7, f.size());
            if (rest.get(0).isEmpty() && rest.size() > 1) {
                String mail = String.join(":", rest.subList(1, rest.size()));
                if (!mail.isEmpty() && mail.indexOf(' ') < 0) {
                    extra.add("userdb_mail=" + mail);
                }
            } else {
                for (String token : String.join(":", rest).split(" ")) {
                    if (!token.isEmpty()) {
                        extra.add(token);
                    }
                }
            }
            rest.clear();
        }
        while (f.size() < 7) {
            f.add("");
        }
        return Optional.of(new PasswdEntry(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), extra));
    }

    /**
     * The line as written back: all eight fields, the way Dovecot's documentation shows them
     * ({@code user:{SCHEME}hash::::::extra}).
     */
    public String format() {
        return String.join(":", user, password, uid, gid, gecos, home, shell, String.join(" ", extraFields));
    }

    public Optional<String> homeDirectory() {
        return home.isEmpty() ? Optional.empty() : Optional.of(home);
    }

    public PasswdEntry withPassword(String newPassword) {
        return new PasswdEntry(user, newPassword, uid, gid, gecos, home, shell, extraFields);
    }

    public PasswdEntry withHome(String newHome) {
        return new PasswdEntry(user, password, uid, gid, gecos, newHome, shell, extraFields);
    }

    public PasswdEntry withExtraFields(List<String> fields) {
        return new PasswdEntry(user, password, uid, gid, gecos, home, shell, fields);
    }

    @Override
    public String toString() {
        // the password field stays out of logs and exception messages
        return "PasswdEntry[" + user + "]";
    }
}
