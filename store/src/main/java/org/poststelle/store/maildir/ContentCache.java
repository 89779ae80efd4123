package org.poststelle.store.maildir;

import java.util.LinkedHashMap;
import java.util.Map;
import org.poststelle.store.mime.MessageStructure;

/**
 * A bounded LRU of what is learnt by reading a message once: its parsed structure and, for large files
 * with bare LF line endings, where CRLF offsets fall in the file. Keyed by mailbox GUID, UIDVALIDITY and
 * UID, which together never name two different messages.
 */
final class ContentCache {
    record Key(String mailboxGuid, long uidValidity, long uid) {
    }

    private final int capacity;
    private final Map<Key, MessageStructure> structures;
    private final Map<Key, long[]> crlfMaps;

    ContentCache(int capacity) {
        this.capacity = capacity;
        this.structures = lru(capacity);
        this.crlfMaps = lru(Math.max(16, capacity / 16));
    }

    private static <V> Map<Key, V> lru(int max) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, V> eldest) {
                return size() > max;
            }
        };
    }

    MessageStructure structure(Key key) {
        synchronized (structures) {
            return structures.get(key);
        }
    }

    void putStructure(Key key, MessageStructure s) {
        if (capacity > 0) {
            synchronized (structures) {
                structures.put(key, s);
            }
        }
    }

    long[] crlfMap(Key key) {
        synchronized (crlfMaps) {
            return crlfMaps.get(key);
        }
    }

    void putCrlfMap(Key key, long[] map) {
        synchronized (crlfMaps) {
            crlfMaps.put(key, map);
        }
    }
}
