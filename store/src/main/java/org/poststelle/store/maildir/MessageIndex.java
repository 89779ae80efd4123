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

    /** Entries: the file name (raw or compact, see "pool entries" below), varint length, UTF-8 uidlist extensions. */
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
        byte[][] scratch = {new byte[64]};
        int len = decodeInto(i, scratch);
        return new String(scratch[0], 0, len, StandardCharsets.UTF_8);
    }

    String basename(int i) {
        return MaildirFilename.basename(fileName(i));
    }

    /** Dovecot uidlist extensions of the message ("G<guid> P<uidl>"), empty when none. */
    String ext(int i) {
        int extRef = skipName(nameRefs[i]);
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
        byte[][] scratch = {new byte[Math.max(64, b.length + 16)]};
        while (true) {
            int v = table[slot];
            if (v == 0) {
                return -1;
            }
            if (baseEquals(v - 1, b, scratch)) {
                return v - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Decodes the name of message i into scratch[0] (grown when needed); returns its byte length. */
    private int decodeInto(int i, byte[][] scratch) {
        int len = decodeName(nameRefs[i], scratch[0]);
        if (len < 0) {
            scratch[0] = new byte[-len + 16];
            len = decodeName(nameRefs[i], scratch[0]);
        }
        return len;
    }

    private boolean baseEquals(int i, byte[] base, byte[][] scratch) {
        int len = decodeInto(i, scratch);
        byte[] name = scratch[0];
        int baseLen = baseLength(name, len);
        return baseLen == base.length && Arrays.equals(name, 0, baseLen, base, 0, base.length);
    }

    private static int baseLength(byte[] name, int len) {
        for (int k = 0; k < len; k++) {
            if (name[k] == ':') {
                return k;
            }
        }
        return len;
    }

    private void buildTable() {
        int size = Integer.highestOneBit(Math.max(16, count * 2 + 1)) << 1;
        table = new int[size];
        byte[][] scratch = {new byte[128]};
        for (int i = 0; i < count; i++) {
            insertIntoTable(i, scratch);
        }
    }

    private void insertIntoTable(int i) {
        insertIntoTable(i, new byte[][] {new byte[128]});
    }

    private void insertIntoTable(int i, byte[][] scratch) {
        int len = decodeInto(i, scratch);
        int mask = table.length - 1;
        int slot = hash(scratch[0], 0, baseLength(scratch[0], len)) & mask;
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

    // --- pool entries ---
    //
    // An entry is the file name, then varint length + UTF-8 uidlist extensions. The name is either
    //   TAG_RAW, varint length, UTF-8 bytes
    // or, for names of exactly the shape <secs>.M<usecs>P<pid>[R<6 lowercase hex>][Q<n>].<host>,S=<n>[,W=<n>][:2,<flags>]
    // (numbers in decimal without leading zeros, at most 18 digits; host without ',' and ':'; flags any bytes)
    //   TAG_COMPACT | parts, varlong secs, varlong usecs, varlong pid, [3 bytes R], [varlong Q], varint host
    //   index (into the host table), varlong S, [varlong W], [varint length + flag bytes]
    // Decoding gives back exactly the UTF-8 bytes of the name; the encoding is a function of those bytes
    // and of the host table, and lookups compare decoded bytes.

    private static final int TAG_RAW = 0;
    private static final int TAG_COMPACT = 0x10;
    private static final int HAS_R = 1;
    private static final int HAS_Q = 2;
    private static final int HAS_W = 4;
    private static final int HAS_INFO = 8;
    private static final int MAX_HOSTS = 1024;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** Host parts of compact names, by index; never shrinks (a mailbox has few hosts), capped. */
    private byte[][] hosts = new byte[4][];
    private int hostCount;
    private java.util.HashMap<String, Integer> hostIds = new java.util.HashMap<>();

    private int hostId(byte[] n, int from, int to) {
        String key = new String(n, from, to - from, StandardCharsets.ISO_8859_1);
        Integer id = hostIds.get(key);
        if (id != null) {
            return id;
        }
        if (hostCount >= MAX_HOSTS) {
            return -1;
        }
        if (hostCount == hosts.length) {
            hosts = Arrays.copyOf(hosts, hostCount * 2);
        }
        hosts[hostCount] = Arrays.copyOfRange(n, from, to);
        hostIds.put(key, hostCount);
        return hostCount++;
    }

    /** Parse state of a compact name. */
    private static final class Parsed {
        int parts;
        long secs;
        long usecs;
        long pid;
        int r;
        long q;
        int hostFrom;
        int hostTo;
        long s;
        long w;
        int flagsFrom;
    }

    /** End of a canonical decimal number starting at {@code at}, or -1. */
    private static int number(byte[] n, int at) {
        int k = at;
        while (k < n.length && n[k] >= '0' && n[k] <= '9') {
            k++;
        }
        int digits = k - at;
        if (digits == 0 || digits > 18 || (digits > 1 && n[at] == '0')) {
            return -1;
        }
        return k;
    }

    private static long value(byte[] n, int from, int to) {
        long v = 0;
        for (int k = from; k < to; k++) {
            v = v * 10 + (n[k] - '0');
        }
        return v;
    }

    private static boolean at(byte[] n, int k, char c) {
        return k < n.length && n[k] == c;
    }

    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    /** The compact parts of a name, or null when it does not have exactly the common shape. */
    static Parsed parse(byte[] n) {
        Parsed p = new Parsed();
        int k = number(n, 0);
        if (k < 0) {
            return null;
        }
        p.secs = value(n, 0, k);
        if (!at(n, k, '.') || !at(n, k + 1, 'M')) {
            return null;
        }
        int e = number(n, k + 2);
        if (e < 0) {
            return null;
        }
        p.usecs = value(n, k + 2, e);
        if (!at(n, e, 'P')) {
            return null;
        }
        k = number(n, e + 1);
        if (k < 0) {
            return null;
        }
        p.pid = value(n, e + 1, k);
        if (at(n, k, 'R')) {
            if (k + 7 > n.length) {
                return null;
            }
            int r = 0;
            for (int j = 1; j <= 6; j++) {
                int d = hexDigit(n[k + j]);
                if (d < 0) {
                    return null;
                }
                r = r << 4 | d;
            }
            p.r = r;
            p.parts |= HAS_R;
            k += 7;
        }
        if (at(n, k, 'Q')) {
            e = number(n, k + 1);
            if (e < 0) {
                return null;
            }
            p.q = value(n, k + 1, e);
            p.parts |= HAS_Q;
            k = e;
        }
        if (!at(n, k, '.')) {
            return null;
        }
        p.hostFrom = k + 1;
        k = p.hostFrom;
        while (k < n.length && n[k] != ',' && n[k] != ':') {
            k++;
        }
        p.hostTo = k;
        if (p.hostTo == p.hostFrom || !at(n, k, ',') || !at(n, k + 1, 'S') || !at(n, k + 2, '=')) {
            return null;
        }
        e = number(n, k + 3);
        if (e < 0) {
            return null;
        }
        p.s = value(n, k + 3, e);
        k = e;
        if (at(n, k, ',')) {
            if (!at(n, k + 1, 'W') || !at(n, k + 2, '=')) {
                return null;
            }
            e = number(n, k + 3);
            if (e < 0) {
                return null;
            }
            p.w = value(n, k + 3, e);
            p.parts |= HAS_W;
            k = e;
        }
        if (k == n.length) {
            return p;
        }
        if (!at(n, k, ':') || !at(n, k + 1, '2') || !at(n, k + 2, ',')) {
            return null;
        }
        p.flagsFrom = k + 3;
        p.parts |= HAS_INFO;
        return p;
    }

    private int putEntry(String fileName, String ext) {
        byte[] n = fileName.getBytes(StandardCharsets.UTF_8);
        byte[] e = ext == null || ext.isEmpty() ? new byte[0] : ext.getBytes(StandardCharsets.UTF_8);
        Parsed p = parse(n);
        int host = p == null ? -1 : hostId(n, p.hostFrom, p.hostTo);
        int need = 1 + 5 + n.length + 5 + e.length + (p == null ? 0 : 8 * 10 + 5 + 3);
        if (poolLength + need > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length + (pool.length >> 1), poolLength + need));
        }
        int ref = poolLength;
        int w = poolLength;
        if (host < 0) {
            pool[w++] = TAG_RAW;
            w = writeVarint(w, n.length);
            System.arraycopy(n, 0, pool, w, n.length);
            w += n.length;
        } else {
            pool[w++] = (byte) (TAG_COMPACT | p.parts);
            w = writeVarlong(w, p.secs);
            w = writeVarlong(w, p.usecs);
            w = writeVarlong(w, p.pid);
            if ((p.parts & HAS_R) != 0) {
                pool[w++] = (byte) (p.r >>> 16);
                pool[w++] = (byte) (p.r >>> 8);
                pool[w++] = (byte) p.r;
            }
            if ((p.parts & HAS_Q) != 0) {
                w = writeVarlong(w, p.q);
            }
            w = writeVarint(w, host);
            w = writeVarlong(w, p.s);
            if ((p.parts & HAS_W) != 0) {
                w = writeVarlong(w, p.w);
            }
            if ((p.parts & HAS_INFO) != 0) {
                int fl = n.length - p.flagsFrom;
                w = writeVarint(w, fl);
                System.arraycopy(n, p.flagsFrom, pool, w, fl);
                w += fl;
            }
        }
        w = writeVarint(w, e.length);
        System.arraycopy(e, 0, pool, w, e.length);
        w += e.length;
        poolLength = w;
        return ref;
    }

    /** Position just after the name part of the entry at {@code ref} (where the extensions start). */
    private int skipName(int ref) {
        int tag = pool[ref] & 0xff;
        int k = ref + 1;
        if (tag == TAG_RAW) {
            int len = readVarint(k);
            return k + varintSize(len) + len;
        }
        if ((tag & ~0x0f) != TAG_COMPACT) {
            throw new IllegalArgumentException("bad name tag");
        }
        k = skipVarint(k);
        k = skipVarint(k);
        k = skipVarint(k);
        if ((tag & HAS_R) != 0) {
            k += 3;
        }
        if ((tag & HAS_Q) != 0) {
            k = skipVarint(k);
        }
        int host = readVarint(k);
        if (host < 0 || host >= hostCount) {
            throw new IllegalArgumentException("bad host index");
        }
        k = skipVarint(k);
        k = skipVarint(k);
        if ((tag & HAS_W) != 0) {
            k = skipVarint(k);
        }
        if ((tag & HAS_INFO) != 0) {
            int fl = readVarint(k);
            k += varintSize(fl) + fl;
        }
        return k;
    }

    /**
     * Writes the UTF-8 bytes of the name at {@code ref} into {@code out} and returns their length, or, when
     * {@code out} is too small, minus the length needed.
     */
    private int decodeName(int ref, byte[] out) {
        int tag = pool[ref] & 0xff;
        int k = ref + 1;
        if (tag == TAG_RAW) {
            int len = readVarint(k);
            if (len > out.length) {
                return -len;
            }
            System.arraycopy(pool, k + varintSize(len), out, 0, len);
            return len;
        }
        long[] v = new long[1];
        StringBuilder sb = new StringBuilder(64);
        k = readVarlong(k, v);
        sb.append(v[0]).append(".M");
        k = readVarlong(k, v);
        sb.append(v[0]).append('P');
        k = readVarlong(k, v);
        sb.append(v[0]);
        if ((tag & HAS_R) != 0) {
            sb.append('R');
            for (int j = 0; j < 3; j++) {
                int b = pool[k++] & 0xff;
                sb.append((char) HEX[b >>> 4]).append((char) HEX[b & 15]);
            }
        }
        if ((tag & HAS_Q) != 0) {
            k = readVarlong(k, v);
            sb.append('Q').append(v[0]);
        }
        int host = readVarint(k);
        k = skipVarint(k);
        sb.append('.');
        int hostAt = sb.length();
        k = readVarlong(k, v);
        String tail = ",S=" + v[0];
        if ((tag & HAS_W) != 0) {
            k = readVarlong(k, v);
            tail += ",W=" + v[0];
        }
        int flagLen = 0;
        int flagAt = 0;
        if ((tag & HAS_INFO) != 0) {
            flagLen = readVarint(k);
            flagAt = k + varintSize(flagLen);
            tail += ":2,";
        }
        byte[] h = hosts[host];
        int len = hostAt + h.length + tail.length() + flagLen;
        if (len > out.length) {
            return -len;
        }
        int w = 0;
        for (int j = 0; j < hostAt; j++) {
            out[w++] = (byte) sb.charAt(j);
        }
        System.arraycopy(h, 0, out, w, h.length);
        w += h.length;
        for (int j = 0; j < tail.length(); j++) {
            out[w++] = (byte) tail.charAt(j);
        }
        System.arraycopy(pool, flagAt, out, w, flagLen);
        return len;
    }

    private int entryLength(int ref) {
        int extRef = skipName(ref);
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
            if (shift > 28) {
                throw new IllegalArgumentException("bad varint");
            }
            v |= (b & 0x7f) << shift;
            if (b >= 0) {
                return v;
            }
            shift += 7;
        }
    }

    private int skipVarint(int at) {
        int n = 0;
        while (pool[at++] < 0) {
            if (++n > 9) {
                throw new IllegalArgumentException("bad varint");
            }
        }
        return at;
    }

    /** Reads a varlong at {@code at} into v[0]; returns the position after it. */
    private int readVarlong(int at, long[] v) {
        long x = 0;
        int shift = 0;
        while (true) {
            byte b = pool[at++];
            if (shift > 63) {
                throw new IllegalArgumentException("bad varlong");
            }
            x |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                v[0] = x;
                return at;
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

    private int writeVarlong(int at, long v) {
        while ((v & ~0x7fL) != 0) {
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
        for (int h = 0; h < hostCount; h++) {
            b += hosts[h].length;
        }
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

    /**
     * The pool as the index file keeps it: varint host count, each host as varint length + bytes, then the
     * live entries of all messages in order, compacted.
     */
    byte[] compactedPool() {
        byte[] entries = compactedEntries();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(entries.length + 16 + hostCount * 16);
        putVarint(out, hostCount);
        for (int h = 0; h < hostCount; h++) {
            putVarint(out, hosts[h].length);
            out.write(hosts[h], 0, hosts[h].length);
        }
        out.write(entries, 0, entries.length);
        return out.toByteArray();
    }

    private static void putVarint(java.io.ByteArrayOutputStream out, int v) {
        while ((v & ~0x7f) != 0) {
            out.write((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private byte[] compactedEntries() {
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

    /** Builds an index from arrays read from the index file (pool as {@link #compactedPool()}); arrays are taken over. */
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
        int k = 0;
        int hn = x.readVarint(k);
        k += varintSize(hn);
        if (hn < 0 || hn > MAX_HOSTS) {
            throw new IllegalArgumentException("bad host count");
        }
        x.hosts = new byte[Math.max(4, hn)][];
        for (int h = 0; h < hn; h++) {
            int len = x.readVarint(k);
            k += varintSize(len);
            if (len <= 0 || len > pool.length - k) {
                throw new IllegalArgumentException("bad host");
            }
            byte[] host = Arrays.copyOfRange(pool, k, k + len);
            k += len;
            for (byte c : host) {
                if (c == ',' || c == ':') {
                    throw new IllegalArgumentException("bad host");
                }
            }
            if (x.hostIds.put(new String(host, StandardCharsets.ISO_8859_1), h) != null) {
                throw new IllegalArgumentException("duplicate host");
            }
            x.hosts[h] = host;
        }
        x.hostCount = hn;
        pool = Arrays.copyOfRange(pool, k, pool.length);
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
