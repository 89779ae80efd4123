package org.poststelle.store.maildir;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One change to a mailbox's index, as written to the change log and applied to memory. The same values are
 * applied live and on replay after a restart, so both paths share one piece of code.
 */
sealed interface Change {

    byte type();

    void writePayload(DataOutputStream out) throws IOException;

    /** Messages added (appended, copied, moved in, or found in the Maildir). */
    record Appended(long modSeq, int[] uids, int[] flags, int[] vsizes, long[] internalDates, long[] saveDates,
            String[] fileNames, String[] exts) implements Change {
        @Override
        public byte type() {
            return 1;
        }

        @Override
        public void writePayload(DataOutputStream out) throws IOException {
            out.writeLong(modSeq);
            out.writeInt(uids.length);
            for (int i = 0; i < uids.length; i++) {
                out.writeInt(uids[i]);
                out.writeInt(flags[i]);
                out.writeInt(vsizes[i]);
                out.writeInt((int) MessageIndex.clampSeconds(internalDates[i]));
                out.writeInt((int) MessageIndex.clampSeconds(saveDates[i]));
                writeString(out, fileNames[i]);
                writeString(out, exts[i]);
            }
        }

        long bytes() {
            long b = 0;
            for (int v : vsizes) {
                b += v;
            }
            return b;
        }
    }

    /** New flags (and so new file names) of messages; {@code modSeq} 0 keeps their modseq (a pure rename). */
    record FlagsSet(long modSeq, int[] uids, int[] flags, String[] fileNames) implements Change {
        @Override
        public byte type() {
            return 2;
        }

        @Override
        public void writePayload(DataOutputStream out) throws IOException {
            out.writeLong(modSeq);
            out.writeInt(uids.length);
            for (int i = 0; i < uids.length; i++) {
                out.writeInt(uids[i]);
                out.writeInt(flags[i]);
                writeString(out, fileNames[i]);
            }
        }
    }

    /** Messages removed; {@code bytes} is their total size (for quota sums without loading the index). */
    record Expunged(long modSeq, long bytes, int[] uids) implements Change {
        @Override
        public byte type() {
            return 3;
        }

        @Override
        public void writePayload(DataOutputStream out) throws IOException {
            out.writeLong(modSeq);
            out.writeLong(bytes);
            out.writeInt(uids.length);
            for (int u : uids) {
                out.writeInt(u);
            }
        }
    }

    /** First POP3 retrieval of messages. */
    record Retrieved(long at, int[] uids) implements Change {
        @Override
        public byte type() {
            return 4;
        }

        @Override
        public void writePayload(DataOutputStream out) throws IOException {
            out.writeLong(at);
            out.writeInt(uids.length);
            for (int u : uids) {
                out.writeInt(u);
            }
        }
    }

    /**
     * Mailbox-level state: UIDNEXT, the first \Recent UID, what we last saw of dovecot-uidlist and cur/.
     * {@code clean} marks an orderly close: nothing happened after it that the index does not know.
     */
    record Header(long uidNext, long firstRecentUid, String uidlistFingerprint, long uidlistOffset,
            long uidlistLines, long curMtime, boolean clean) implements Change {
        @Override
        public byte type() {
            return 5;
        }

        @Override
        public void writePayload(DataOutputStream out) throws IOException {
            out.writeLong(uidNext);
            out.writeLong(firstRecentUid);
            writeString(out, uidlistFingerprint);
            out.writeLong(uidlistOffset);
            out.writeLong(uidlistLines);
            out.writeLong(curMtime);
            out.writeBoolean(clean);
        }
    }

    static byte[] encode(Change c) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(c.type());
            c.writePayload(out);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Change decode(DataInputStream in) throws IOException {
        byte type = in.readByte();
        switch (type) {
            case 1: {
                long modSeq = in.readLong();
                int n = count(in);
                int[] uids = new int[n];
                int[] flags = new int[n];
                int[] vsizes = new int[n];
                long[] idates = new long[n];
                long[] sdates = new long[n];
                String[] names = new String[n];
                String[] exts = new String[n];
                for (int i = 0; i < n; i++) {
                    uids[i] = in.readInt();
                    flags[i] = in.readInt();
                    vsizes[i] = in.readInt();
                    idates[i] = in.readInt() & 0xFFFF_FFFFL;
                    sdates[i] = in.readInt() & 0xFFFF_FFFFL;
                    names[i] = readString(in);
                    exts[i] = readString(in);
                }
                return new Appended(modSeq, uids, flags, vsizes, idates, sdates, names, exts);
            }
            case 2: {
                long modSeq = in.readLong();
                int n = count(in);
                int[] uids = new int[n];
                int[] flags = new int[n];
                String[] names = new String[n];
                for (int i = 0; i < n; i++) {
                    uids[i] = in.readInt();
                    flags[i] = in.readInt();
                    names[i] = readString(in);
                }
                return new FlagsSet(modSeq, uids, flags, names);
            }
            case 3: {
                long modSeq = in.readLong();
                long bytes = in.readLong();
                return new Expunged(modSeq, bytes, readInts(in));
            }
            case 4: {
                long at = in.readLong();
                return new Retrieved(at, readInts(in));
            }
            case 5:
                return new Header(in.readLong(), in.readLong(), readString(in), in.readLong(), in.readLong(),
                        in.readLong(), in.readBoolean());
            default:
                throw new IOException("unknown change type " + type);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int n = count(in);
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readInt();
        }
        return v;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 50_000_000) {
            throw new IOException("bad count " + n);
        }
        return n;
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 20) {
            throw new IOException("bad string length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
