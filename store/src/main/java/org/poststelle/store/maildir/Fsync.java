package org.poststelle.store.maildir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Flushes files and directories to disk, or does nothing when fsync is turned off in the configuration. */
final class Fsync {
    private final boolean enabled;

    Fsync(boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    void file(FileChannel channel) throws IOException {
        if (enabled) {
            channel.force(false);
        }
    }

    /** Makes renames, creations and deletions in a directory durable. */
    void directory(Path dir) throws IOException {
        if (enabled) {
            try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            }
        }
    }
}
