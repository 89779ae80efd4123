package org.poststelle.store.maildir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.poststelle.core.auth.AccountPolicy;
import org.poststelle.store.StoreConfig;
import org.poststelle.store.StoreException;
import org.poststelle.store.model.MailboxInfo;
import org.poststelle.store.model.MailboxName;
import org.poststelle.store.model.QuotaUsage;
import org.poststelle.store.model.SpecialUse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's Maildir++ tree, shared by all sessions of the account in this process: the folder
 * operations, subscriptions, special-use attributes, quota usage, and the registry that guarantees one
 * {@link MailboxState} per folder (folders nobody has open stay loaded for a while, see
 * {@link MaildirMailStore#idle}).
 * Tree operations are serialized by this object's monitor.
 */
final class AccountStore {
    private static final Logger LOG = LoggerFactory.getLogger(AccountStore.class);

    private final MaildirMailStore store;
    private final Path root;
    private final QuotaTracker quota = new QuotaTracker();
    /** Loaded folders by usage key ("" for INBOX, else the directory name). */
    private final Map<String, MailboxState> states = new HashMap<>();
    private boolean initialized;

    AccountStore(MaildirMailStore store, Path root) {
        this.store = store;
        this.root = root;
    }

    MaildirMailStore store() {
        return store;
    }

    Path root() {
        return root;
    }

    QuotaTracker quota() {
        return quota;
    }

    // ------------------------------------------------------------------ setup

    /** Creates the Maildir and the special folders when the account is served for the first time. */
    synchronized void initialize() {
        StoreConfig cfg = store.config();
        boolean firstTime = !SpecialUseFile.exists(root);
        if (initialized && cfg.createSpecialFolders() != StoreConfig.SpecialFolderCreation.EVERY_LOGIN) {
            return;
        }
        try {
            for (String sub : new String[] {"cur", "new", "tmp"}) {
                Files.createDirectories(root.resolve(sub));
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.TEMPORARY, "cannot create the mail directory", e);
        }
        boolean create = cfg.createSpecialFolders() == StoreConfig.SpecialFolderCreation.EVERY_LOGIN
                || cfg.createSpecialFolders() == StoreConfig.SpecialFolderCreation.FIRST_LOGIN && firstTime;
        Map<SpecialUse, MailboxName> explicit = SpecialUseFile.read(root);
        if (create) {
            Map<SpecialUse, MailboxName> present = effectiveSpecialUse(folderNames(), explicit);
            for (Map.Entry<SpecialUse, String> e : cfg.specialFolders().entrySet()) {
                if (present.containsKey(e.getKey())) {
                    continue;
                }
                MailboxName name = MailboxName.of(e.getValue());
                if (!folderExists(name)) {
                    createFolder(name);
                }
                explicit.put(e.getKey(), name);
                present.put(e.getKey(), name);
            }
        }
        if (firstTime || create) {
            SpecialUseFile.write(root, explicit, store.fsync());
        }
        initialized = true;
    }

    // ------------------------------------------------------------------ names and directories

    Path dirOf(MailboxName name) {
        if (name.isInbox()) {
            return root;
        }
        Path dir = root.resolve(FolderNames.dirName(name));
        if (!dir.getParent().equals(root) || !dir.getFileName().toString().startsWith(".")) {
            throw new StoreException(StoreException.Reason.INVALID_NAME, "mailbox name cannot be stored");
        }
        return dir;
    }

    static String usageKey(MailboxName name) {
        return name.isInbox() ? "" : FolderNames.dirName(name);
    }

    boolean folderExists(MailboxName name) {
        return name.isInbox() || Files.isDirectory(dirOf(name), LinkOption.NOFOLLOW_LINKS);
    }

    /** Every folder on disk (INBOX included), by name. */
    List<MailboxName> folderNames() {
        List<MailboxName> out = new ArrayList<>();
        out.add(MailboxName.INBOX);
        for (String dir : folderDirs()) {
            MailboxName n = FolderNames.fromDirName(dir);
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    private List<String> folderDirs() {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, p -> {
            String n = p.getFileName().toString();
            return n.length() > 1 && n.charAt(0) == '.' && !n.equals("..");
        })) {
            for (Path p : ds) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && FolderNames.fromDirName(p.getFileName().toString()) != null) {
                    out.add(p.getFileName().toString());
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.TEMPORARY, "cannot list mailboxes", e);
        }
        return out;
    }

    // ------------------------------------------------------------------ listing

    synchronized List<MailboxInfo> list() {
        List<MailboxName> names = folderNames();
        Set<MailboxName> existing = new LinkedHashSet<>(names);
        Set<MailboxName> all = new java.util.TreeSet<>(Comparator.comparing((MailboxName n) -> !n.isInbox())
                .thenComparing(MailboxName::name));
        for (MailboxName n : names) {
            all.add(n);
            all.addAll(n.ancestors());
        }
        Map<SpecialUse, MailboxName> uses = effectiveSpecialUse(names, SpecialUseFile.read(root));
        Map<MailboxName, Set<SpecialUse>> byName = new HashMap<>();
        uses.forEach((u, n) -> byName.computeIfAbsent(n, k -> EnumSet.noneOf(SpecialUse.class)).add(u));
        Set<MailboxName> subscribed = Subscriptions.read(root);
        Set<String> parents = new java.util.HashSet<>();
        for (MailboxName n : all) {
            MailboxName p = n.parent();
            if (p != null) {
                parents.add(p.name());
            }
        }
        List<MailboxInfo> out = new ArrayList<>(all.size());
        for (MailboxName n : all) {
            out.add(new MailboxInfo(n, existing.contains(n), parents.contains(n.name()),
                    byName.getOrDefault(n, Set.of()), subscribed.contains(n)));
        }
        return out;
    }

    /** Explicit attributes of existing folders, plus ones inferred from well-known names for the rest. */
    private static Map<SpecialUse, MailboxName> effectiveSpecialUse(List<MailboxName> names,
            Map<SpecialUse, MailboxName> explicit) {
        Set<MailboxName> existing = new java.util.HashSet<>(names);
        Map<SpecialUse, MailboxName> out = new EnumMap<>(SpecialUse.class);
        explicit.forEach((u, n) -> {
            if (existing.contains(n)) {
                out.put(u, n);
            }
        });
        Map<SpecialUse, MailboxName> inferred = new TreeMap<>();
        for (MailboxName n : names) {
            SpecialUse u = SpecialUseFile.inferred(n);
            if (u != null && !out.containsKey(u) && !out.containsValue(n)) {
                MailboxName prev = inferred.get(u);
                if (prev == null || rank(u, n) < rank(u, prev)) {
                    inferred.put(u, n);
                }
            }
        }
        out.putAll(inferred);
        return out;
    }

    private static int rank(SpecialUse use, MailboxName n) {
        List<String> known = SpecialUseFile.WELL_KNOWN.get(use);
        String leaf = n.leaf();
        for (int i = 0; i < known.size(); i++) {
            if (known.get(i).equalsIgnoreCase(leaf)) {
                return i * 2 + (n.parts().size() > 1 ? 1 : 0);
            }
        }
        return Integer.MAX_VALUE;
    }

    // ------------------------------------------------------------------ subscriptions

    synchronized Set<MailboxName> subscriptions() {
        return Subscriptions.read(root);
    }

    synchronized void subscribe(MailboxName name, boolean on) {
        Set<MailboxName> subs = Subscriptions.read(root);
        if (on ? subs.add(name) : subs.remove(name)) {
            Subscriptions.write(root, subs, store.fsync());
        }
    }

    // ------------------------------------------------------------------ create, delete, rename

    synchronized void create(MailboxName name, Set<SpecialUse> specialUse) {
        if (folderExists(name)) {
            throw new StoreException(StoreException.Reason.ALREADY_EXISTS, "mailbox already exists: " + name);
        }
        for (MailboxName parent : name.ancestors()) {
            if (!folderExists(parent)) {
                createFolder(parent);
            }
        }
        createFolder(name);
        if (specialUse != null && !specialUse.isEmpty()) {
            Map<SpecialUse, MailboxName> uses = SpecialUseFile.read(root);
            for (SpecialUse u : specialUse) {
                uses.put(u, name);
            }
            SpecialUseFile.write(root, uses, store.fsync());
        }
    }

    /** Makes the folder directory with cur/new/tmp, the Maildir++ marker and a dovecot-uidlist header. */
    private void createFolder(MailboxName name) {
        Path dir = dirOf(name);
        try {
            Files.createDirectory(dir);
            for (String sub : new String[] {"cur", "new", "tmp"}) {
                Files.createDirectory(dir.resolve(sub));
            }
            Files.createFile(dir.resolve("maildirfolder"));
            UidList.rewrite(dir, UidList.header(store.nextUidValidity(), 1, Ids.newGuid(), ""), store.fsync());
            store.fsync().directory(root);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new StoreException(StoreException.Reason.ALREADY_EXISTS, "mailbox already exists: " + name);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.TEMPORARY, "cannot create mailbox " + name, e);
        }
    }

    synchronized void delete(MailboxName name) {
        if (name.isInbox()) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED, "INBOX cannot be deleted");
        }
        if (!folderExists(name)) {
            boolean hasChildren = folderNames().stream().anyMatch(n -> n.isDescendantOf(name));
            throw hasChildren
                    ? new StoreException(StoreException.Reason.NOT_ALLOWED,
                            "mailbox " + name + " only holds other mailboxes (\\Noselect)")
                    : new StoreException(StoreException.Reason.NOT_FOUND, "mailbox does not exist: " + name);
        }
        String key = usageKey(name);
        MailboxState state = states.remove(key);
        if (state != null && states.isEmpty()) {
            store.unpin(this);
        }
        if (state != null) {
            store.unidle(state);
            store.watcher().unwatch(state);
            state.markDeleted();
        }
        Path dir = dirOf(name);
        try {
            deleteTree(dir);
            store.fsync().directory(root);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.TEMPORARY, "cannot delete mailbox " + name, e);
        }
        quota.forget(key);
        Map<SpecialUse, MailboxName> uses = SpecialUseFile.read(root);
        if (uses.values().removeIf(n -> n.equals(name))) {
            SpecialUseFile.write(root, uses, store.fsync());
        }
    }

    /** Deletes a folder directory and what is in it, never following links out of it. */
    private static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    void rename(MailboxName from, MailboxName to, AccountPolicy policy) {
        if (from.isInbox()) {
            renameInbox(to, policy);
            return;
        }
        synchronized (this) {
            if (to.equals(from) || folderExists(to)) {
                throw new StoreException(StoreException.Reason.ALREADY_EXISTS, "mailbox already exists: " + to);
            }
            if (to.isDescendantOf(from)) {
                throw new StoreException(StoreException.Reason.NOT_ALLOWED, "cannot move a mailbox into itself");
            }
            List<MailboxName> moving = new ArrayList<>();
            for (MailboxName n : folderNames()) {
                if (n.equals(from) || n.isDescendantOf(from)) {
                    moving.add(n);
                }
            }
            if (moving.isEmpty()) {
                throw new StoreException(StoreException.Reason.NOT_FOUND, "mailbox does not exist: " + from);
            }
            for (MailboxName n : moving) {
                MailboxName target = renamed(n, from, to);
                FolderNames.checked(target);
                if (folderExists(target)) {
                    throw new StoreException(StoreException.Reason.ALREADY_EXISTS, "mailbox already exists: " + target);
                }
            }
            for (MailboxName parent : to.ancestors()) {
                if (!folderExists(parent)) {
                    createFolder(parent);
                }
            }
            for (MailboxName n : moving) {
                moveFolder(n, renamed(n, from, to));
            }
            Map<SpecialUse, MailboxName> uses = SpecialUseFile.read(root);
            boolean changed = false;
            for (Map.Entry<SpecialUse, MailboxName> e : uses.entrySet()) {
                MailboxName n = e.getValue();
                if (n.equals(from) || n.isDescendantOf(from)) {
                    e.setValue(renamed(n, from, to));
                    changed = true;
                }
            }
            if (changed) {
                SpecialUseFile.write(root, uses, store.fsync());
            }
            Set<MailboxName> subs = Subscriptions.read(root);
            Set<MailboxName> newSubs = new LinkedHashSet<>();
            for (MailboxName n : subs) {
                newSubs.add(n.equals(from) || n.isDescendantOf(from) ? renamed(n, from, to) : n);
            }
            if (!newSubs.equals(subs)) {
                Subscriptions.write(root, newSubs, store.fsync());
            }
            try {
                store.fsync().directory(root);
            } catch (IOException e) {
                throw new StoreException(StoreException.Reason.TEMPORARY, "cannot rename mailbox", e);
            }
        }
    }

    private static MailboxName renamed(MailboxName n, MailboxName from, MailboxName to) {
        return new MailboxName(to.name() + n.name().substring(from.name().length()));
    }

    /** Renames one folder directory, carrying along its loaded state (open handles keep working). */
    private void moveFolder(MailboxName from, MailboxName to) {
        String oldKey = usageKey(from);
        String newKey = usageKey(to);
        MailboxState state = states.get(oldKey);
        Path oldDir = dirOf(from);
        Path newDir = dirOf(to);
        if (state != null) {
            state.commitLock.lock();
        }
        try {
            if (state != null) {
                store.watcher().unwatch(state);
            }
            Files.move(oldDir, newDir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            if (state != null) {
                states.remove(oldKey);
                states.put(newKey, state);
                state.relocate(to, newDir, newKey);
            }
            quota.rename(oldKey, newKey);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.TEMPORARY, "cannot rename mailbox " + from, e);
        } finally {
            if (state != null) {
                // loaded states are watched whether open or idle (see acquire), at the new place or, when the
                // move failed, at the old one again
                store.watcher().watch(state);
                state.commitLock.unlock();
            }
        }
    }

    /** RFC 3501 6.3.5: renaming INBOX moves its messages into a new mailbox; INBOX stays, empty. */
    private void renameInbox(MailboxName to, AccountPolicy policy) {
        create(to, Set.of());
        MailboxState inbox = acquire(MailboxName.INBOX);
        try {
            MailboxState target = acquire(to);
            try {
                org.poststelle.store.model.MailboxSnapshot s = inbox.snapshot();
                if (s.size() > 0) {
                    Transfer.copy(inbox, target, s.uidSet(), true, policy);
                }
            } finally {
                release(target);
            }
        } finally {
            release(inbox);
        }
    }

    // ------------------------------------------------------------------ registry

    /**
     * The loaded state of a folder (loading it if needed); the caller releases it. A folder is watched from
     * the time it is loaded until it is evicted from the idle list (or deleted), not only while sessions have
     * it open: a session hopping between folders then costs no inotify watch changes, and the idle list
     * bounds how many watches idle folders hold.
     */
    MailboxState acquire(MailboxName name) {
        MailboxState state;
        boolean resumed = false;
        synchronized (this) {
            String key = usageKey(name);
            state = states.get(key);
            if (state == null) {
                if (!folderExists(name)) {
                    throw new StoreException(StoreException.Reason.NOT_FOUND, "mailbox does not exist: " + name);
                }
                state = MailboxState.open(this, name, dirOf(name), key);
                if (states.isEmpty()) {
                    store.pin(this);
                }
                states.put(key, state);
                store.watcher().watch(state);
            } else if (state.refs == 0) {
                store.unidle(state);
                resumed = true;
            }
            state.refs++;
        }
        if (resumed) {
            try {
                state.resume();
            } catch (RuntimeException e) {
                release(state);
                throw e;
            }
        }
        return state;
    }

    void release(MailboxState state) {
        synchronized (this) {
            if (--state.refs > 0) {
                return;
            }
            // still watched while idle: evict() drops the watch
            if (state.isDeleted() || states.get(state.usageKey()) != state) {
                return;
            }
        }
        store.idle(state);
    }

    /** Closes an idle folder chosen by the store's idle list (unless someone opened it meanwhile). */
    void evict(MailboxState state) {
        synchronized (this) {
            if (state.refs > 0 || states.get(state.usageKey()) != state) {
                return;
            }
            states.remove(state.usageKey());
            if (states.isEmpty()) {
                store.unpin(this);
            }
            store.watcher().unwatch(state);
        }
        state.close();
    }

    /** Closes every loaded folder (store shutdown). */
    void closeAll() {
        List<MailboxState> all;
        synchronized (this) {
            all = new ArrayList<>(states.values());
            states.clear();
        }
        for (MailboxState s : all) {
            store.watcher().unwatch(s);
            s.close();
        }
    }

    synchronized List<MailboxState> loadedStates() {
        return new ArrayList<>(states.values());
    }

    // ------------------------------------------------------------------ quota

    /**
     * How often the new/ directories of folders that are not loaded are listed for quota (deliveries there
     * are in no index yet): the poll interval, or its default when polling is off.
     */
    private static final Duration WAITING_LISTING_FALLBACK = Duration.ofSeconds(10);

    QuotaUsage usage(AccountPolicy policy) {
        List<String> keys = new ArrayList<>();
        keys.add("");
        keys.addAll(folderDirs());
        Duration every = store.config().pollInterval();
        if (every.isZero() || every.isNegative()) {
            every = WAITING_LISTING_FALLBACK;
        }
        if (quota.waitingListingDue(System.nanoTime(), every.toNanos())) {
            listWaitingDeliveries(keys);
        }
        return quota.usage(policy, keys, this::usageFromDisk);
    }

    /**
     * Re-lists new/ of every known folder whose deliveries no loaded, watched mailbox picks up (those count
     * them in their index within milliseconds). Only names are listed; sizes come from {@code ,W=}/{@code ,S=}
     * in them, else from a stat. Folders not known yet get a listing when their figures are first loaded.
     */
    private void listWaitingDeliveries(List<String> keys) {
        Set<String> selfUpdating = new java.util.HashSet<>();
        synchronized (this) {
            states.forEach((key, state) -> {
                if (state.disk().watched()) {
                    selfUpdating.add(key);
                }
            });
        }
        for (String key : keys) {
            QuotaTracker.FolderUsage u = quota.existing(key);
            if (u == null || selfUpdating.contains(key)) {
                continue;
            }
            long version = u.indexVersion();
            long[] waiting = new long[2];
            try {
                addFiles(folderDir(key).resolve("new"), waiting);
            } catch (IOException e) {
                LOG.warn("cannot list new mail in {}: {}", folderDir(key), e.toString());
                continue;
            }
            u.setWaiting(version, waiting[0], waiting[1]);
        }
    }

    private Path folderDir(String usageKey) {
        return usageKey.isEmpty() ? root : root.resolve(usageKey);
    }

    QuotaTracker.Reservation reserve(AccountPolicy policy, long bytes, long messages) {
        if (policy.quotaBytes() == 0 && policy.quotaMessages() == 0) {
            return () -> { };
        }
        return quota.reserve(policy, bytes, messages, usage(policy));
    }

    /**
     * Usage of a folder that is not loaded: checkpoint header plus log (or cur/ when it never had an index),
     * then the files waiting in new/ separately.
     */
    private long[] usageFromDisk(String key) {
        Path dir = folderDir(key);
        long[] u = new long[2];
        long[] waiting = new long[2];
        long[] head = IndexFile.usage(dir);
        try {
            if (head != null) {
                long[] delta = ChangeLog.usageDelta(dir, head[2]);
                u[0] = head[0] + delta[0];
                u[1] = head[1] + delta[1];
            } else {
                addFiles(dir.resolve("cur"), u);
            }
            addFiles(dir.resolve("new"), waiting);
        } catch (IOException e) {
            LOG.warn("cannot compute usage of {}: {}", dir, e.toString());
        }
        return new long[] {u[0], u[1], waiting[0], waiting[1]};
    }

    private static void addFiles(Path sub, long[] u) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(sub)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!MaildirFilename.isMessageName(n)) {
                    continue;
                }
                long size = MaildirFilename.sizeField(MaildirFilename.basename(n), 'W');
                if (size < 0) {
                    size = MaildirFilename.sizeField(MaildirFilename.basename(n), 'S');
                }
                if (size < 0) {
                    try {
                        size = Files.size(p);
                    } catch (NoSuchFileException e) {
                        continue;
                    }
                }
                u[0]++;
                u[1] += size;
            }
        } catch (NoSuchFileException e) {
            // nothing there
        }
    }
}
