package org.poststelle.imap.fetch.structure;

import java.util.Arrays;
import java.util.List;

/** What to send for a {@link SectionSpec}: see {@link SectionLocator}. */
public sealed interface Section {

    /** Number of octets to send (before any partial clipping). */
    long length();

    /** A partial fetch {@code <origin.count>}: RFC 3501 §6.4.5, an origin past the end gives an empty string. */
    Section partial(long origin, long count);

    /** Bytes {@code [offset, offset + length)} of the CRLF message, to stream from the store. */
    record Range(long offset, long length) implements Section {
        @Override
        public Range partial(long origin, long count) {
            long start = Math.min(Math.max(origin, 0), length);
            return new Range(offset + start, Math.min(Math.max(count, 0), length - start));
        }
    }

    /** Bytes made up for the answer (HEADER.FIELDS and HEADER.FIELDS.NOT). */
    record Bytes(byte[] bytes) implements Section {
        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public Bytes partial(long origin, long count) {
            int start = (int) Math.min(Math.max(origin, 0), bytes.length);
            int n = (int) Math.min(Math.max(count, 0), bytes.length - start);
            return new Bytes(Arrays.copyOfRange(bytes, start, start + n));
        }
    }

    /**
     * HEADER.FIELDS(.NOT) before the header bytes are read: the header block's range and the filter. Turn it
     * into {@link Bytes} with {@link #select(byte[])} on the bytes of {@link #header()}.
     */
    record Fields(Range header, List<String> names, boolean exclude) implements Section {
        public Bytes select(byte[] headerBlock) {
            return new Bytes(org.poststelle.store.mime.HeaderBlock.select(headerBlock, names, exclude));
        }

        /** Unknown until the header is read; an upper bound. */
        @Override
        public long length() {
            return header.length() + 2;
        }

        @Override
        public Section partial(long origin, long count) {
            throw new IllegalStateException("select the fields first");
        }
    }

    /** The part does not exist (or has no header/text); the reference server answers an empty string. */
    record Missing() implements Section {
        @Override
        public long length() {
            return 0;
        }

        @Override
        public Missing partial(long origin, long count) {
            return this;
        }
    }
}
