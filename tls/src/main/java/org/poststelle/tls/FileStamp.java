package org.poststelle.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What identifies one version of a file for change detection: the real path after symlinks (certbot's
 * {@code live/} links switch to a new {@code archive/} file on renewal), the file's identity (device and
 * inode: a file renamed into place), its modification time and its size (an in-place rewrite). A missing
 * or unreadable file has a stamp of its own, so that its reappearance is a change too.
 */
record FileStamp(Path path, Path realPath, Object fileKey, FileTime modified, long size) {

    static FileStamp of(Path path) {
        try {
            Path real = path.toRealPath();
            BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
            return new FileStamp(path, real, a.fileKey(), a.lastModifiedTime(), a.size());
        } catch (IOException e) {
            return new FileStamp(path, null, null, null, -1);
        }
    }
}
