package org.poststelle.store.maildir;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The in-memory index of one mailbox, in parallel primitive arrays ordered by UID: 36 bytes per message
 * for UID, flags, size, internal date, save date, first POP3 retrieval, modseq and a reference to the file
 * name. File names (and Dovecot's per-message uidlist extensions) live in one byte pool; a hash table over
 * base names, built when first needed, finds a message by its file. Not thread-safe: the owning
 * {@link MailboxState} guards it.
 *
 * <p>Dates are unsigned seconds since the epoch; UIDs are unsigned ints.
 */
final class MessageIndex {
    private int count;
    private int[] uids;
    private int[] flags;
    private int[] vsizes;
    private int[] internalDates;
    private int[] saveDates;
    private int[] retrieved;
    private int[] nameRefs;
    private long[] modSeqs;

    /** Entries: varint length, UTF-8 file name, varint length, UTF-8 uidlist extensions. */
    private byte[] pool;
    private int poolLength;
    private int poolGarbage;

    /** Open addressing over base names: position + 1, 0 for empty; null until needed. */
    private int[] table;
    private long totalSize;

    MessageIndex() {
        this(16);
    }

    MessageIndex(int capacity) {
        int c = Math.max(capacity, 16);
        uids = new int[c];
        flags = new int[c];
        vsizes = new int[c];
        internalDates = new int[c];
        saveDates = new int[c];
        retrieved = new int[c];
        nameRefs = new int[c];
        modSeqs = new long[c];
        pool = new byte[c * 48];
    }

    int size() {
        return count;
    }

    long totalSize() {
        return totalSize;
    }

    long uid(int i) {
        return uids[i] & 0xFFFF_FFFFL;
    }

    int flags(int i) {
        return flags[i];
    }

    int vsize(int i) {
        return vsizes[i];
    }

    long internalDate(int i) {
        return internalDates[i] & 0xFFFF_FFFFL;
    }

    long saveDate(int i) {
        return saveDates[i] & 0xFFFF_FFFFL;
    }

    long retrieved(int i) {
        return retrieved[i] & 0xFFFF_FFFFL;
    }

    long modSeq(int i) {
        return modSeqs[i];
    }

    long maxUid() {
        return count == 0 ? 0 : uid(count - 1);
    }

    /** Position of a UID, or -1. */
    int indexOf(long uid) {
        int i = ceiling(uid);
        return i < count && uid(i) == uid ? i : -1;
    }

    /** Position of the first UID at least {@code uid}; {@link #size()} when none. */
    int ceiling(long uid) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (uid(mid) < uid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Adds a message; normally its UID is the highest so far, otherwise it is inserted in order. */
    void add(long uid, int flagBits, int vsize, long internalDate, long saveDate, long retrievedAt, long modSeq,
            String fileName, String ext) {
        ensureCapacity(count + 1);
        int at = count;
        if (count > 0 && uid(count - 1) >= uid) {
            at = ceiling(uid);
            if (at < count && uid(at) == uid) {
                throw new IllegalStateException("UID " + uid + " already indexed");
            }
            shift(at, 1);
            table = null;
        }
        uids[at] = (int) uid;
        flags[at] = flagBits;
        vsizes[at] = vsize;
        internalDates[at] = (int) clampSeconds(internalDate);
        saveDates[at] = (int) clampSeconds(saveDate);
        retrieved[at] = (int) clampSeconds(retrievedAt);
        modSeqs[at] = modSeq;
        nameRefs[at] = putEntry(fileName, ext);
        count++;
        totalSize += vsize;
        if (table != null) {
            if ((long) count * 2 > table.length) {
                table = null;
            } else {
                insertIntoTable(at);
            }
        }
    }

    private void shift(int at, int by) {
        int n = count - at;
        System.arraycopy(uids, at, uids, at + by, n);
        System.arraycopy(flags, at, flags, at + by, n);
        System.arraycopy(vsizes, at, vsizes, at + by, n);
        System.arraycopy(internalDates, at, internalDates, at + by, n);
        System.arraycopy(saveDates, at, saveDates, at + by, n);
        System.arraycopy(retrieved, at, retrieved, at + by, n);
        System.arraycopy(nameRefs, at, nameRefs, at + by, n);
        System.arraycopy(modSeqs, at, modSeqs, at + by, n);
    }

    static long clampSeconds(long s) {
        return Math.max(0, Math.min(s, 0xFFFF_FFFFL));
    }

    void setFlags(int i, int bits, long modSeq) {
        flags[i] = bits;
        modSeqs[i] = modSeq;
    }

    void setRetrieved(int i, long at) {
        retrieved[i] = (int) clampSeconds(at);
    }

    /** Replaces the file name (after a flag rename); the base stays, so the hash table stays valid. */
    void setFileName(int i, String fileName) {
        String ext = ext(i);
        poolGarbage += entryLength(nameRefs[i]);
        nameRefs[i] = putEntry(fileName, ext);
        if (poolGarbage > poolLength / 2 && poolGarbage > 1 << 16) {
            compactPool();
        }
    }

    /** Removes the messages at the given ascending positions. */
    void removePositions(int[] positions, int n) {
        if (n == 0) {
            return;
        }
        int w = positions[0];
        int p = 0;
        for (int r = positions[0]; r < count; r++) {
            if (p < n && positions[p] == r) {
                totalSize -= vsizes[r];
                poolGarbage += entryLength(nameRefs[r]);
                p++;
                continue;
            }
            uids[w] = uids[r];
            flags[w] = flags[r];
            vsizes[w] = vsizes[r];
            internalDates[w] = internalDates[r];
            saveDates[w] = saveDates[r];
            retrieved[w] = retrieved[r];
            nameRefs[w] = nameRefs[r];
            modSeqs[w] = modSeqs[r];
            w++;
        }
        count = w;
        table = null;
        if (poolGarbage > poolLength / 2 && poolGarbage > 1 << 16) {
            compactPool();
        }
    }

    String fileName(int i) {
        int ref = nameRefs[i];
        int len = readVarint(ref);
        int start = ref + varintSize(len);
        return new String(pool, start, len, StandardCharsets.UTF_8);
    }

    String basename(int i) {
        return MaildirFilename.basename(fileName(i));
    }

    /** Dovecot uidlist extensions of the message ("G<guid> P<uidl>"), empty when none. */
    String ext(int i) {
        int ref = nameRefs[i];
        int len = readVarint(ref);
        int extRef = ref + varintSize(len) + len;
        int extLen = readVarint(extRef);
        return extLen == 0 ? "" : new String(pool, extRef + varintSize(extLen), extLen, StandardCharsets.UTF_8);
    }

    /** One extension field's value by key letter ('G', 'P'), or null. */
    String extField(int i, char key) {
        String ext = ext(i);
        if (ext.isEmpty()) {
            return null;
        }
        for (String f : ext.split(" ")) {
            if (f.length() > 1 && f.charAt(0) == key) {
                return f.substring(1);
            }
        }
        return null;
    }

    /** Position of the message whose file has this base name, or -1. */
    int findBase(String base) {
        if (count == 0) {
            return -1;
        }
        if (table == null) {
            buildTable();
        }
        byte[] b = base.getBytes(StandardCharsets.UTF_8);
        int mask = table.length - 1;
        int slot = hash(b, 0, b.length) & mask;
        while (true) {
            int v = table[slot];
            if (v == 0) {
                return -1;
            }
            if (baseEquals(v - 1, b)) {
                return v - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean baseEquals(int i, byte[] base) {
        int ref = nameRefs[i];
        int len = readVarint(ref);
        int start = ref + varintSize(len);
        int baseLen = baseLength(start, len);
        return baseLen == base.length && Arrays.equals(pool, start, start + baseLen, base, 0, base.length);
    }

    private int baseLength(int start, int len) {
        for (int k = 0; k < len; k++) {
            if (pool[start + k] == ':') {
                return k;
            }
        }
        return len;
    }

    private void buildTable() {
        int size = Integer.highestOneBit(Math.max(16, count * 2 + 1)) << 1;
        table = new int[size];
        for (int i = 0; i < count; i++) {
            insertIntoTable(i);
        }
    }

    private void insertIntoTable(int i) {
        int ref = nameRefs[i];
        int len = readVarint(ref);
        int start = ref + varintSize(len);
        int mask = table.length - 1;
        int slot = hash(pool, start, baseLength(start, len)) & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = i + 1;
    }

    private static int hash(byte[] b, int from, int len) {
        int h = 0x811c9dc5;
        for (int k = from; k < from + len; k++) {
            h = (h ^ b[k]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    private int putEntry(String fileName, String ext) {
        byte[] n = fileName.getBytes(StandardCharsets.UTF_8);
        byte[] e = ext == null || ext.isEmpty() ? new byte[0] : ext.getBytes(StandardCharsets.UTF_8);
        int need = varintSize(n.length) + n.length + varintSize(e.length) + e.length;
        if (poolLength + need > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length + (pool.length >> 1), poolLength + need));
        }
        int ref = poolLength;
        poolLength = writeVarint(poolLength, n.length);
        System.arraycopy(n, 0, pool, poolLength, n.length);
        poolLength += n.length;
        poolLength = writeVarint(poolLength, e.length);
        System.arraycopy(e, 0, pool, poolLength, e.length);
        poolLength += e.length;
        return ref;
    }

    private int entryLength(int ref) {
        int len = readVarint(ref);
        int extRef = ref + varintSize(len) + len;
        int extLen = readVarint(extRef);
        return extRef + varintSize(extLen) + extLen - ref;
    }

    private void compactPool() {
        byte[] fresh = new byte[Math.max(64, (poolLength - poolGarbage) + ((poolLength - poolGarbage) >> 2))];
        int w = 0;
        for (int i = 0; i < count; i++) {
            int ref = nameRefs[i];
            int len = entryLength(ref);
            System.arraycopy(pool, ref, fresh, w, len);
            nameRefs[i] = w;
            w += len;
        }
        pool = fresh;
        poolLength = w;
        poolGarbage = 0;
    }

    private int readVarint(int at) {
        int v = 0;
        int shift = 0;
        while (true) {
            byte b = pool[at++];
            v |= (b & 0x7f) << shift;
            if (b >= 0) {
                return v;
            }
            shift += 7;
        }
    }

    private int writeVarint(int at, int v) {
        while ((v & ~0x7f) != 0) {
            pool[at++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        pool[at++] = (byte) v;
        return at;
    }

    private static int varintSize(int v) {
        int n = 1;
        while ((v & ~0x7f) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private void ensureCapacity(int need) {
        if (need <= uids.length) {
            return;
        }
        int c = Math.max(need, uids.length + (uids.length >> 1));
        uids = Arrays.copyOf(uids, c);
        flags = Arrays.copyOf(flags, c);
        vsizes = Arrays.copyOf(vsizes, c);
        internalDates = Arrays.copyOf(internalDates, c);
        saveDates = Arrays.copyOf(saveDates, c);
        retrieved = Arrays.copyOf(retrieved, c);
        nameRefs = Arrays.copyOf(nameRefs, c);
        modSeqs = Arrays.copyOf(modSeqs, c);
    }

    /** Frees spare capacity (after loading or a large expunge). */
    void trim() {
        if (uids.length > count + 64) {
            int c = count + 16;
            uids = Arrays.copyOf(uids, c);
            flags = Arrays.copyOf(flags, c);
            vsizes = Arrays.copyOf(vsizes, c);
            internalDates = Arrays.copyOf(internalDates, c);
            saveDates = Arrays.copyOf(saveDates, c);
            retrieved = Arrays.copyOf(retrieved, c);
            nameRefs = Arrays.copyOf(nameRefs, c);
            modSeqs = Arrays.copyOf(modSeqs, c);
        }
        if (poolGarbage > 0) {
            compactPool();
        } else if (pool.length > poolLength + 4096) {
            pool = Arrays.copyOf(pool, poolLength + 1024);
        }
    }

    /** Bytes held by the arrays, the name pool and the hash table (object headers ignored). */
    long residentBytes() {
        long b = (long) uids.length * (7 * 4 + 8) + pool.length;
        return table == null ? b : b + (long) table.length * 4;
    }

    // --- bulk access for the index file ---

    int[] uidArray() {
        return uids;
    }

    int[] flagArray() {
        return flags;
    }

    int[] vsizeArray() {
        return vsizes;
    }

    int[] internalDateArray() {
        return internalDates;
    }

    int[] saveDateArray() {
        return saveDates;
    }

    int[] retrievedArray() {
        return retrieved;
    }

    long[] modSeqArray() {
        return modSeqs;
    }

    /** The live pool entries of all messages in order, compacted. */
    byte[] compactedPool() {
        if (poolGarbage > 0) {
            compactPool();
        }
        boolean inOrder = true;
        int expect = 0;
        for (int i = 0; i < count && inOrder; i++) {
            inOrder = nameRefs[i] == expect;
            expect += entryLength(nameRefs[i]);
        }
        if (inOrder) {
            return Arrays.copyOf(pool, expect);
        }
        byte[] out = new byte[poolLength];
        int w = 0;
        for (int i = 0; i < count; i++) {
            int len = entryLength(nameRefs[i]);
            System.arraycopy(pool, nameRefs[i], out, w, len);
            w += len;
        }
        return Arrays.copyOf(out, w);
    }

    /** Builds an index from arrays read from the index file; the arrays are taken over. */
    static MessageIndex fromArrays(int count, int[] uids, int[] flags, int[] vsizes, int[] internalDates,
            int[] saveDates, int[] retrieved, long[] modSeqs, byte[] pool) {
        MessageIndex x = new MessageIndex(0);
        x.count = count;
        x.uids = uids;
        x.flags = flags;
        x.vsizes = vsizes;
        x.internalDates = internalDates;
        x.saveDates = saveDates;
        x.retrieved = retrieved;
        x.modSeqs = modSeqs;
        x.pool = pool;
        x.poolLength = pool.length;
        x.nameRefs = new int[Math.max(count, 16)];
        int at = 0;
        long total = 0;
        for (int i = 0; i < count; i++) {
            x.nameRefs[i] = at;
            at += x.entryLength(at);
            total += vsizes[i];
            if (at > pool.length) {
                throw new IllegalArgumentException("name pool too short");
            }
            if (i > 0 && (uids[i] & 0xFFFF_FFFFL) <= (uids[i - 1] & 0xFFFF_FFFFL)) {
                throw new IllegalArgumentException("UIDs out of order");
            }
        }
        if (at != pool.length) {
            throw new IllegalArgumentException("name pool length mismatch");
        }
        x.totalSize = total;
        return x;
    }
}
