package org.poststelle.imap.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of one literal: held in memory, or spooled to a temporary file when large (APPEND). A spooled
 * literal's file is deleted by {@link #release()}, which the dispatcher calls once the command is done.
 */
public abstract sealed class LiteralData {

    public abstract long size();

    public abstract InputStream open() throws IOException;

    /** Frees what the literal holds (deletes the spool file); idempotent. */
    public void release() {
    }

    public static LiteralData of(byte[] bytes) {
        return new InMemory(bytes);
    }

    /** A literal in memory. */
    public static final class InMemory extends LiteralData {
        private final byte[] bytes;

        InMemory(byte[] bytes) {
            this.bytes = bytes;
        }

        public byte[] bytes() {
            return bytes;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public String toString() {
            return "{" + bytes.length + "}" + new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** A literal spooled to a temporary file. */
    public static final class Spooled extends LiteralData {
        private final Path file;
        private final long size;

        Spooled(Path file, long size) {
            this.file = file;
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public void release() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temp file is harmless; nothing sensible to tell the client
            }
        }

        @Override
        public String toString() {
            return "{" + size + "} spooled";
        }
    }
}
