package org.poststelle.store.search;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * What search, sort and thread need from one message's header, in one compact immutable value (about 50 bytes
 * plus the text, so a 100 000-message mailbox costs a few tens of megabytes): the search forms of the address
 * fields and the subject (decoded and case-folded), the sort keys (RFC 5256/5957), the thread links and the
 * sent date. The text fields are UTF-8 in one array behind a table of lengths, so matching and comparing need no
 * allocation.
 */
final class CachedHeaders {
    // search forms (Fold.search of the decoded text)
    static final int FROM = 0;
    static final int TO = 1;
    static final int CC = 2;
    static final int BCC = 3;
    static final int SUBJECT = 4;
    // sort keys (Fold.sort)
    static final int SORT_FROM = 5;
    static final int SORT_TO = 6;
    static final int SORT_CC = 7;
    static final int SORT_DISPLAYFROM = 8;
    static final int SORT_DISPLAYTO = 9;
    static final int SORT_SUBJECT = 10;
    // thread links, as written
    static final int MESSAGE_ID = 11;
    static final int IN_REPLY_TO = 12;
    /** Message ids separated by spaces. */
    static final int REFERENCES = 13;
    /** The Message-ID value as HEADER searches it (decoded, folded): clients look messages up by it. */
    static final int MESSAGE_ID_VALUE = 14;
    static final int FIELD_COUNT = 15;

    // which header fields the message has
    static final int HAS_FROM = 1;
    static final int HAS_TO = 1 << 1;
    static final int HAS_CC = 1 << 2;
    static final int HAS_BCC = 1 << 3;
    static final int HAS_SUBJECT = 1 << 4;
    /** A Date header that could be read. */
    static final int HAS_DATE = 1 << 5;
    /** The subject marked a reply or forward (RFC 5256 section 3). */
    static final int REPLY_OR_FORWARD = 1 << 6;
    static final int HAS_MESSAGE_ID = 1 << 7;

    /** FIELD_COUNT varint lengths, then the fields' UTF-8 bytes. */
    private final byte[] data;
    private final long sentMillis;
    private final int sentDay;
    private final int bits;

    private CachedHeaders(byte[] data, long sentMillis, int sentDay, int bits) {
        this.data = data;
        this.sentMillis = sentMillis;
        this.sentDay = sentDay;
        this.bits = bits;
    }

    static CachedHeaders of(String[] fields, long sentMillis, LocalDate sentDay, int bits) {
        if (fields.length != FIELD_COUNT) {
            throw new IllegalArgumentException("need " + FIELD_COUNT + " fields");
        }
        byte[][] utf8 = new byte[FIELD_COUNT][];
        int size = 0;
        for (int i = 0; i < FIELD_COUNT; i++) {
            utf8[i] = fields[i] == null ? new byte[0] : fields[i].getBytes(StandardCharsets.UTF_8);
            size += varintSize(utf8[i].length) + utf8[i].length;
        }
        byte[] data = new byte[size];
        int p = 0;
        for (int i = 0; i < FIELD_COUNT; i++) {
            p = writeVarint(data, p, utf8[i].length);
        }
        for (int i = 0; i < FIELD_COUNT; i++) {
            System.arraycopy(utf8[i], 0, data, p, utf8[i].length);
            p += utf8[i].length;
        }
        return new CachedHeaders(data, sentMillis, sentDay == null ? 0 : (int) sentDay.toEpochDay(), bits);
    }

    boolean has(int bit) {
        return (bits & bit) != 0;
    }

    /** The Date header's moment; meaningful only with {@link #HAS_DATE}. */
    long sentMillis() {
        return sentMillis;
    }

    /** The Date header's day as written; meaningful only with {@link #HAS_DATE}. */
    long sentEpochDay() {
        return sentDay;
    }

    boolean contains(int field, Needle needle) {
        long range = range(field);
        return needle.in(data, (int) (range >>> 32), (int) range);
    }

    String string(int field) {
        long range = range(field);
        int from = (int) (range >>> 32);
        return new String(data, from, (int) range - from, StandardCharsets.UTF_8);
    }

    /** A copy of a field's UTF-8 bytes (for sort keys compared many times). */
    byte[] bytes(int field) {
        long range = range(field);
        return java.util.Arrays.copyOfRange(data, (int) (range >>> 32), (int) range);
    }

    /** Approximate heap size in bytes, for the cache's memory bound. */
    int memory() {
        return 48 + data.length;
    }

    /** [start, end) of a field packed as start << 32 | end. */
    private long range(int field) {
        int p = 0;
        int start = 0;
        int fieldStart = -1;
        int fieldLen = 0;
        for (int i = 0; i < FIELD_COUNT; i++) {
            int len = 0;
            int shift = 0;
            byte b;
            do {
                b = data[p++];
                len |= (b & 0x7f) << shift;
                shift += 7;
            } while (b < 0);
            if (i == field) {
                fieldStart = start;
                fieldLen = len;
            }
            start += len;
        }
        int from = p + fieldStart;
        return ((long) from << 32) | (from + fieldLen);
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(data.length);
        out.write(data);
        out.writeLong(sentMillis);
        out.writeInt(sentDay);
        out.writeInt(bits);
    }

    static CachedHeaders readFrom(DataInput in) throws IOException {
        int len = in.readInt();
        if (len < FIELD_COUNT || len > 64 * 1024 * 1024) {
            throw new IOException("bad cache record");
        }
        byte[] data = new byte[len];
        in.readFully(data);
        CachedHeaders h = new CachedHeaders(data, in.readLong(), in.readInt(), in.readInt());
        h.validate();
        return h;
    }

    /** Checks that the length table fits the data (a record read from disk may be damaged). */
    private void validate() throws IOException {
        int p = 0;
        long total = 0;
        try {
            for (int i = 0; i < FIELD_COUNT; i++) {
                int len = 0;
                int shift = 0;
                byte b;
                do {
                    b = data[p++];
                    len |= (b & 0x7f) << shift;
                    shift += 7;
                } while (b < 0 && shift < 35);
                if (len < 0 || b < 0) {
                    throw new IOException("bad cache record");
                }
                total += len;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IOException("bad cache record", e);
        }
        if (p + total != data.length) {
            throw new IOException("bad cache record");
        }
    }

    private static int varintSize(int v) {
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    private static int writeVarint(byte[] out, int p, int v) {
        while ((v & ~0x7f) != 0) {
            out[p++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out[p++] = (byte) v;
        return p;
    }
}
