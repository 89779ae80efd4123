package org.poststelle.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.poststelle.core.config.ConfigException;
import org.poststelle.core.config.ConfigSection;
import org.poststelle.store.model.SpecialUse;
import org.poststelle.store.search.HeaderCache;

/**
 * The {@code store} section of poststelle.yml (documented in docs/config/store.yml).
 *
 * @param dataDir the server's data directory; relative locations are resolved against it
 * @param location where an account's Maildir lives when it has no home directory: {@code %d} domain,
 *        {@code %n} local part, {@code %u} full user name
 * @param homeLocation where it lives when the account has a home directory ({@code %h})
 * @param fsync whether appends and index writes are flushed to disk before they are acknowledged
 * @param createSpecialFolders when the special-use folders are created
 * @param specialFolders the folders to create, with their attribute, in creation order
 * @param pollInterval how often open mailboxes are checked for changes by other programs when file watching
 *        misses them (network file systems); zero disables polling
 * @param watchFiles whether open mailboxes are watched for other programs' changes (inotify)
 * @param structureCacheSize how many parsed message structures are kept in memory
 * @param maxMessageSize the largest message accepted by append (IMAP APPENDLIMIT)
 * @param expungeHistory how many expunged UIDs each mailbox remembers for QRESYNC
 * @param lockTimeout how long to wait for another program's lock on a mailbox
 * @param idleMailboxes how many closed mailboxes stay loaded in memory for a quick reopen
 * @param searchCacheSize the bound in bytes of the search header cache ({@code HeaderCache}); 0 disables it
 */
public record StoreConfig(Path dataDir, String location, String homeLocation, boolean fsync,
        SpecialFolderCreation createSpecialFolders, Map<SpecialUse, String> specialFolders, Duration pollInterval,
        boolean watchFiles, int structureCacheSize, long maxMessageSize, int expungeHistory, Duration lockTimeout,
        int idleMailboxes, long searchCacheSize) {

    /** When the configured special-use folders are created for an account. */
    public enum SpecialFolderCreation {
        /** Never; clients create what they need. */
        NEVER,
        /** When the server first serves the account (also a migrated Maildir), missing ones only. */
        FIRST_LOGIN,
        /** At every login, missing ones only (a deleted Trash comes back). */
        EVERY_LOGIN
    }

    public static final long MAX_MESSAGE_SIZE_LIMIT = 1L << 30;

    public StoreConfig {
        specialFolders = Collections.unmodifiableMap(new LinkedHashMap<>(specialFolders));
        if (searchCacheSize < 0) {
            throw new IllegalArgumentException("negative search cache size");
        }
    }

    /** Without a search cache size: the default bound ({@link HeaderCache#DEFAULT_MAX_BYTES}). */
    public StoreConfig(Path dataDir, String location, String homeLocation, boolean fsync,
            SpecialFolderCreation createSpecialFolders, Map<SpecialUse, String> specialFolders, Duration pollInterval,
            boolean watchFiles, int structureCacheSize, long maxMessageSize, int expungeHistory, Duration lockTimeout,
            int idleMailboxes) {
        this(dataDir, location, homeLocation, fsync, createSpecialFolders, specialFolders, pollInterval, watchFiles,
                structureCacheSize, maxMessageSize, expungeHistory, lockTimeout, idleMailboxes,
                HeaderCache.DEFAULT_MAX_BYTES);
    }

    /** Defaults for a data directory (tests, tools). */
    public static StoreConfig defaults(Path dataDir) {
        return from(ConfigSection.empty(), dataDir);
    }

    public static StoreConfig from(ConfigSection section, Path dataDir) {
        String location = section.string("location", "mail/%d/%n/Maildir");
        String homeLocation = section.string("home_location", "%h/Maildir");
        checkTemplate(section, "location", location);
        checkTemplate(section, "home_location", homeLocation);
        boolean fsync = section.bool("fsync", true);
        SpecialFolderCreation create = section.enumValue("create_special_folders", SpecialFolderCreation.class,
                SpecialFolderCreation.FIRST_LOGIN);
        ConfigSection folders = section.section("special_folders");
        Map<SpecialUse, String> special = new LinkedHashMap<>();
        putFolder(special, folders, SpecialUse.DRAFTS, "Drafts");
        putFolder(special, folders, SpecialUse.SENT, "Sent");
        putFolder(special, folders, SpecialUse.TRASH, "Trash");
        putFolder(special, folders, SpecialUse.JUNK, "Junk");
        putFolder(special, folders, SpecialUse.ARCHIVE, "Archive");
        Duration poll = section.duration("poll_interval", Duration.ofSeconds(10));
        boolean watch = section.bool("watch_files", true);
        int cache = section.integer("structure_cache", 20_000, 0, 10_000_000);
        long maxSize = section.bytes("max_message_size", 64L << 20);
        if (maxSize < 1024 || maxSize > MAX_MESSAGE_SIZE_LIMIT) {
            throw new ConfigException(section.key("max_message_size"), "must be between 1k and 1g");
        }
        int history = section.integer("expunge_history", 100_000, 0, 100_000_000);
        Duration lockTimeout = section.duration("lock_timeout", Duration.ofSeconds(30));
        int idle = section.integer("idle_mailboxes", 256, 0, 1_000_000);
        long searchCache = section.bytes("search_cache", HeaderCache.DEFAULT_MAX_BYTES);
        return new StoreConfig(dataDir, location, homeLocation, fsync, create, special, poll, watch, cache, maxSize,
                history, lockTimeout, idle, searchCache);
    }

    private static void putFolder(Map<SpecialUse, String> out, ConfigSection folders, SpecialUse use, String def) {
        String name = folders.string(use.name().toLowerCase(Locale.ROOT), def);
        if (name != null && !name.isBlank()) {
            try {
                out.put(use, org.poststelle.store.model.MailboxName.of(name.trim()).name());
            } catch (StoreException e) {
                throw new ConfigException(folders.key(use.name().toLowerCase(Locale.ROOT)),
                        "is not a valid mailbox name: " + e.getMessage());
            }
        }
    }

    private static void checkTemplate(ConfigSection section, String key, String template) {
        if (template.isBlank()) {
            throw new ConfigException(section.key(key), "must not be empty");
        }
        for (int i = 0; i < template.length(); i++) {
            if (template.charAt(i) == '%') {
                char c = i + 1 < template.length() ? template.charAt(i + 1) : ' ';
                if ("dnuh%".indexOf(c) < 0) {
                    throw new ConfigException(section.key(key), "knows only %d, %n, %u, %h and %% (got %" + c + ")");
                }
                i++;
            }
        }
    }

    /** The special-use folder configured for an attribute, or null. */
    public String specialFolder(SpecialUse use) {
        return specialFolders.get(use);
    }
}
