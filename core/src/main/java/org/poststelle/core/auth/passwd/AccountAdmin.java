package org.poststelle.core.auth.passwd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.core.auth.AuthConfig;
import org.poststelle.core.auth.hash.PasswordSchemes;

/**
 * Edits the passwd-file: what {@code poststelle user add|del|passwd|list|show} and the first-start account
 * creation use.
 *
 * <p>Every edit is atomic and never loses a concurrent one: it takes an exclusive lock on
 * {@code <users file>.lock} (between processes, and between threads of this one), reads the current file,
 * writes the new content to a temporary file in the same directory, fsyncs it, renames it over the old file
 * and fsyncs the directory. A crash leaves either the old or the new file, never half of one. A new file is
 * created with mode 0600; an existing file keeps its mode and (when allowed) its owner. Lines other than the
 * edited account's, comments included, are kept as they are (line ends become LF); on the edited line, fields Poststelle does
 * not interpret are kept as written.
 */
public final class AccountAdmin {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final String defaultDomain;
    private final String scheme;

    /**
     * @param file the passwd-file (created on the first add)
     * @param defaultDomain appended to bare names of new accounts; used to resolve names as logins are
     * @param scheme the password scheme for new passwords
     */
    public AccountAdmin(Path file, String defaultDomain, String scheme) {
        if (!PasswordSchemes.canGenerate(scheme)) {
            throw new IllegalArgumentException("cannot hash new passwords with " + scheme);
        }
        this.file = file.toAbsolutePath();
        this.defaultDomain = defaultDomain;
        this.scheme = scheme;
    }

    /** Over the users file, default domain and scheme of the {@code auth} config. */
    public static AccountAdmin open(AuthConfig config) {
        return new AccountAdmin(config.usersFile(), config.defaultDomain(), config.defaultScheme());
    }

    public Path file() {
        return file;
    }

    /** Whether the users file exists (the server creates a first account when it does not). */
    public boolean exists() {
        return Files.exists(file);
    }

    /**
     * Adds an account.
     *
     * @param name {@code local@domain}, or a bare name (which gets the default domain, if one is set)
     * @param password the password, hashed with the configured scheme
     * @param home the home directory field, if any
     * @return the account as stored
     * @throws AccountException.Exists when the name is taken
     * @throws IllegalArgumentException for a name or password that cannot be stored
     */
    public AccountInfo add(String name, char[] password, AccountPolicy policy, Optional<String> home)
            throws IOException, AccountException {
        String username = UserNames.forNewAccount(name, defaultDomain);
        String stored = storable(PasswordSchemes.hash(scheme, password));
        List<String> fields = AccountFields.withPolicy(List.of(), AccountPolicy.DEFAULT, policy);
        PasswdEntry entry = PasswdEntry.of(username, stored, home.orElse(""), fields);
        return edit(lines -> {
            if (indexOf(lines, List.of(username)) >= 0) {
                throw new AccountException.Exists(username);
            }
            lines.add(entry.format());
            return entry;
        });
    }

    /** Removes an account; its mail is not touched. */
    public void delete(String name) throws IOException, AccountException {
        edit(lines -> {
            int i = find(lines, name);
            PasswdEntry old = PasswdEntry.parse(lines.get(i)).orElseThrow();
            lines.remove(i);
            return old;
        });
    }

    /** Sets a new password, hashed with the configured scheme. */
    public void setPassword(String name, char[] password) throws IOException, AccountException {
        setPassword(name, password, scheme);
    }

    /** Sets a new password hashed with {@code withScheme}. */
    public void setPassword(String name, char[] password, String withScheme) throws IOException, AccountException {
        String stored = storable(PasswordSchemes.hash(withScheme, password));
        update(name, e -> e.withPassword(stored));
    }

    /**
     * Stores an existing hash as is (e.g. {@code {SHA512-CRYPT}$6$...} migrated from another server).
     *
     * @throws IllegalArgumentException when the scheme is unknown or the hash cannot be decoded
     */
    public void setPasswordHash(String name, String stored) throws IOException, AccountException {
        PasswordSchemes.parse(stored);
        String checked = storable(stored);
        update(name, e -> e.withPassword(checked));
    }

    /**
     * Changes policy fields: {@code change} gets the current policy and returns the new one; only the parts
     * that differ are rewritten.
     */
    public AccountInfo updatePolicy(String name, UnaryOperator<AccountPolicy> change) throws IOException, AccountException {
        return update(name, e -> {
            AccountPolicy before;
            try {
                before = AccountFields.policy(e.extraFields());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(ex.getMessage() + " (fix that field in " + file + " by hand)");
            }
            AccountPolicy after = change.apply(before);
            return e.withExtraFields(AccountFields.withPolicy(e.extraFields(), before, after));
        });
    }

    /** Sets or clears the home directory field. */
    public AccountInfo setHome(String name, Optional<String> home) throws IOException, AccountException {
        return update(name, e -> e.withHome(home.orElse("")));
    }

    /** Every account line, in file order. */
    public List<AccountInfo> list() throws IOException {
        List<AccountInfo> out = new ArrayList<>();
        for (String line : read()) {
            try {
                PasswdEntry.parse(line).ifPresent(e -> out.add(AccountInfo.of(e, defaultDomain)));
            } catch (IllegalArgumentException ex) {
                // a line the server ignores as well
            }
        }
        return out;
    }

    /** The account a name resolves to (as a login would), if any. */
    public Optional<AccountInfo> show(String name) throws IOException {
        List<String> lines = read();
        Optional<String> n = UserNames.normalize(name);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        int i = indexOf(lines, UserNames.candidates(n.get(), defaultDomain));
        return i < 0 ? Optional.empty() : PasswdEntry.parse(lines.get(i)).map(e -> AccountInfo.of(e, defaultDomain));
    }

    private interface Edit {
        /** Changes the lines in place; returns the entry edited (as it is now, or as it was when removed). */
        PasswdEntry apply(List<String> lines) throws AccountException;
    }

    private AccountInfo update(String name, UnaryOperator<PasswdEntry> change) throws IOException, AccountException {
        return edit(lines -> {
            int i = find(lines, name);
            PasswdEntry updated = change.apply(PasswdEntry.parse(lines.get(i)).orElseThrow());
            lines.set(i, updated.format());
            return updated;
        });
    }

    private AccountInfo edit(Edit edit) throws IOException, AccountException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path lockFile = dir.resolve(file.getFileName() + ".lock");
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        local.lock();
        try (FileChannel lockChannel = openLockFile(lockFile); FileLock lock = lockChannel.lock()) {
            List<String> lines = read();
            PasswdEntry edited = edit.apply(lines);
            write(lines);
            return AccountInfo.of(edited, defaultDomain);
        } finally {
            local.unlock();
        }
    }

    private static FileChannel openLockFile(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            try {
                Files.createFile(lockFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another process made it first
            } catch (UnsupportedOperationException e) {
                Files.createFile(lockFile);
            }
        }
        return FileChannel.open(lockFile, StandardOpenOption.WRITE);
    }

    private List<String> read() throws IOException {
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (java.nio.charset.CharacterCodingException e) {
            // rewriting would change the bytes of lines we do not edit
            throw new IOException(file + " is not valid UTF-8; fix it by hand before editing accounts with this tool");
        }
    }

    private void write(List<String> lines) throws IOException {
        StringBuilder content = new StringBuilder();
        for (String line : lines) {
            content.append(line).append('\n');
        }
        Path dir = file.getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            copyOwnershipAndMode(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content.toString().getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + file + " atomically: " + e.getMessage(), e);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The new file gets the old one's mode and owner; a first file is 0600. */
    private void copyOwnershipAndMode(Path tmp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        if (!Files.exists(file)) {
            view.setPermissions(OWNER_ONLY);
            return;
        }
        PosixFileAttributes old = Files.readAttributes(file, PosixFileAttributes.class);
        view.setPermissions(old.permissions());
        try {
            if (!old.owner().equals(view.readAttributes().owner())) {
                view.setOwner(old.owner());
            }
            if (!old.group().equals(view.readAttributes().group())) {
                view.setGroup(old.group());
            }
        } catch (IOException e) {
            // only root may give files away; a non-root admin edits files it owns anyway
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every platform can open a directory; the rename itself is still atomic
        }
    }

    private int find(List<String> lines, String name) throws AccountException {
        Optional<String> n = UserNames.normalize(name);
        int i = n.isEmpty() ? -1 : indexOf(lines, UserNames.candidates(n.get(), defaultDomain));
        if (i < 0) {
            throw new AccountException.NotFound(name);
        }
        return i;
    }

    /** The line of the first candidate name that exists (names compared lower-cased), or -1. */
    private static int indexOf(List<String> lines, List<String> candidates) {
        for (String candidate : candidates) {
            for (int i = 0; i < lines.size(); i++) {
                Optional<PasswdEntry> e;
                try {
                    e = PasswdEntry.parse(lines.get(i));
                } catch (IllegalArgumentException ex) {
                    continue;
                }
                if (e.isPresent() && e.get().user().toLowerCase(java.util.Locale.ROOT).equals(candidate)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String storable(String stored) {
        if (stored.indexOf(':') >= 0 || stored.indexOf('\n') >= 0 || stored.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(
                    "this password cannot be stored in clear (it contains ':' or a line break); use a hashing scheme");
        }
        return stored;
    }
}
