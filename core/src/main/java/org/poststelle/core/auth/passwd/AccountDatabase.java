package org.poststelle.core.auth.passwd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.poststelle.core.auth.Account;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.core.auth.hash.PasswordSchemes;
import org.poststelle.core.auth.hash.StoredPassword;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passwd-file as the server reads it: looked up by login name, re-read when the file changes. The file
 * is stat'ed at most once per check interval (1 s by default), so edits by {@code poststelle user ...} or an
 * administrator's editor are picked up without a restart and without reading the file on every login.
 */
public final class AccountDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(AccountDatabase.class);

    /** The users file cannot be read: logins answer "try again later". */
    public static final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message) {
            super(message);
        }
    }

    private record Stamp(Object fileKey, long modifiedNanos, long size) {
    }

    private record Snapshot(Stamp stamp, Map<String, AccountRecord> users, boolean anyPlaintext, String error) {
    }

    private final Path file;
    private final String defaultDomain;
    private final long checkIntervalNanos;
    private volatile Snapshot snapshot;
    private volatile long nextCheck;

    public AccountDatabase(Path file, String defaultDomain, Duration checkInterval) {
        this.file = file;
        this.defaultDomain = defaultDomain;
        this.checkIntervalNanos = checkInterval.toNanos();
    }

    public Path file() {
        return file;
    }

    /**
     * The account a login name maps to (see {@link UserNames}), or empty for an unknown or malformed name.
     *
     * @throws UnavailableException when the file is missing or unreadable
     */
    public Optional<AccountRecord> find(String login) throws UnavailableException {
        Optional<String> normalized = UserNames.normalize(login);
        Snapshot s = current();
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        for (String candidate : UserNames.candidates(normalized.get(), defaultDomain)) {
            AccountRecord r = s.users.get(candidate);
            if (r != null) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Whether any account has a {PLAIN}/{CLEAR} password (then APOP can work). */
    public boolean anyPlaintext() {
        try {
            return current().anyPlaintext;
        } catch (UnavailableException e) {
            return false;
        }
    }

    /** Forces a stat on the next lookup (tests, SIGHUP). */
    public void checkNow() {
        nextCheck = System.nanoTime();
    }

    private Snapshot current() throws UnavailableException {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s == null || now - nextCheck >= 0) {
            s = refresh(now);
        }
        if (s.error != null) {
            throw new UnavailableException(s.error);
        }
        return s;
    }

    private synchronized Snapshot refresh(long now) {
        Snapshot s = snapshot;
        if (s != null && now - nextCheck < 0) {
            return s;
        }
        nextCheck = now + checkIntervalNanos;
        Stamp stamp;
        try {
            stamp = stamp();
        } catch (NoSuchFileException e) {
            return failed(s, "users file " + file + " does not exist");
        } catch (IOException e) {
            return failed(s, "cannot read users file " + file + ": " + e.getMessage());
        }
        if (s != null && s.error == null && s.stamp.equals(stamp)) {
            return s;
        }
        try {
            // lenient decoding: a stray Latin-1 byte in a comment or gecos field must not lock everybody out
            Snapshot loaded = load(stamp, new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList());
            if (s == null || s.error != null) {
                LOG.info("users file {}: {} accounts", file, loaded.users.size());
            } else {
                LOG.info("users file {} changed: {} accounts", file, loaded.users.size());
            }
            snapshot = loaded;
            return loaded;
        } catch (IOException e) {
            return failed(s, "cannot read users file " + file + ": " + e.getMessage());
        }
    }

    private Snapshot failed(Snapshot previous, String error) {
        if (previous == null || !error.equals(previous.error)) {
            LOG.error("{}; logins fail temporarily until it is fixed", error);
        }
        Snapshot failed = new Snapshot(null, Map.of(), false, error);
        snapshot = failed;
        return failed;
    }

    private Stamp stamp() throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(a.fileKey(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), a.size());
    }

    private Snapshot load(Stamp stamp, List<String> lines) {
        Map<String, AccountRecord> users = new HashMap<>();
        boolean anyPlaintext = false;
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            Optional<PasswdEntry> entry;
            try {
                entry = PasswdEntry.parse(line);
            } catch (IllegalArgumentException e) {
                LOG.warn("users file {} line {}: {}; line ignored", file, lineNo, e.getMessage());
                continue;
            }
            if (entry.isEmpty()) {
                continue;
            }
            AccountRecord r = record(entry.get(), line, defaultDomain);
            String key = r.account().username();
            if (users.containsKey(key)) {
                LOG.warn("users file {} line {}: user {} exists more than once; the first line counts", file, lineNo, key);
                continue;
            }
            r.problem().ifPresent(p -> LOG.warn("users file {}: user {} cannot log in: {}", file, key, p));
            users.put(key, r);
            anyPlaintext |= r.password().flatMap(StoredPassword::plaintext).isPresent();
        }
        return new Snapshot(stamp, Map.copyOf(users), anyPlaintext, null);
    }

    /** Interprets one entry; problems make the account unusable rather than failing the whole file. */
    static AccountRecord record(PasswdEntry e, String line, String defaultDomain) {
        String name = e.user().toLowerCase(java.util.Locale.ROOT);
        String problem = null;
        AccountPolicy policy = AccountPolicy.DEFAULT;
        try {
            policy = AccountFields.policy(e.extraFields());
        } catch (IllegalArgumentException ex) {
            problem = ex.getMessage();
        }
        List<org.poststelle.core.net.Cidr> nets = List.of();
        try {
            nets = AccountFields.allowNets(e.extraFields());
        } catch (IllegalArgumentException ex) {
            problem = "bad allow_nets: " + ex.getMessage();
        }
        Optional<StoredPassword> password = Optional.empty();
        if (e.password().isEmpty()) {
            problem = Objects.requireNonNullElse(problem, "no password");
        } else {
            try {
                password = Optional.of(PasswordSchemes.parse(e.password()));
            } catch (IllegalArgumentException ex) {
                problem = Objects.requireNonNullElse(problem, ex.getMessage());
            }
        }
        Account account = new Account(name, UserNames.localPart(name), UserNames.domain(name, defaultDomain),
                e.homeDirectory(), policy);
        return new AccountRecord(account, line, password, nets, Optional.ofNullable(problem));
    }
}
