package io.holdfast.common.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Making private directories durably, and deleting directory trees without following symbolic links out of them. */
public final class Directories {
    private Directories() {
    }

    /**
     * Creates {@code dir} and its missing parents, each 0700 whatever the umask, and fsyncs each new directory into
     * its parent, so a crash cannot lose a directory that a file written into it afterwards depends on. Existing
     * directories keep their mode.
     */
    public static Path createPrivate(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return dir;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createPrivate(parent);
        }
        try {
            Files.createDirectory(absolute);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            if (Files.isDirectory(absolute)) {
                return dir; // another thread made it: its mode is its maker's to set
            }
            throw raced;
        }
        Files.setPosixFilePermissions(absolute, FileModes.PRIVATE_DIR);
        if (parent != null) {
            AtomicFile.syncDirectory(parent);
        }
        return dir;
    }

    /** Deletes {@code root} and everything below it; links are removed, never followed. Missing is fine. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
