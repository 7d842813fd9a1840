package io.holdfast.common.tar;

import io.holdfast.common.io.Directories;
import io.holdfast.spi.container.EngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The file-system side of extraction: looks at the tree under the root one component at a time with
 * {@code NOFOLLOW_LINKS}, so a symbolic link planted by an earlier entry is seen as a link and never walked through.
 */
final class RootTree {
    private static final FileAttribute<?> DIRECTORY_MODE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"));

    private final Path root;

    /** @param root an existing directory that only the extraction writes to */
    RootTree(Path root) {
        this.root = root;
    }

    Path resolve(ArchivePath path) {
        return path.under(root);
    }

    /** The rejection of an unsafe entry: {@code INVALID}, naming the entry and what is wrong with it. */
    static EngineException reject(String entryName, String why) {
        return new EngineException(EngineException.Kind.INVALID, entryName + ": " + why);
    }

    /**
     * Checks that each parent of {@code path} is a real directory, creating missing ones (mode 0755).
     *
     * @throws EngineException {@code INVALID} when a parent is a symbolic link or not a directory
     */
    void createParents(String entryName, ArchivePath path) throws IOException {
        List<String> parts = path.parts();
        for (int i = 1; i < parts.size(); i++) {
            ArchivePath parent = new ArchivePath(parts.subList(0, i));
            Path dir = parent.under(root);
            BasicFileAttributes found = attributesOf(dir);
            if (found == null) {
                Files.createDirectory(dir, DIRECTORY_MODE);
            } else if (found.isSymbolicLink()) {
                throw reject(entryName, "parent \"" + parent + "\" is a symbolic link; refusing to write through it");
            } else if (!found.isDirectory()) {
                throw reject(entryName, "parent \"" + parent + "\" is not a directory");
            }
        }
    }

    /** Creates the directory {@code path}, whose parents must exist, with mode 0755. */
    void createDirectory(ArchivePath path) throws IOException {
        Files.createDirectory(path.under(root), DIRECTORY_MODE);
    }

    /** What is at {@code path} itself, not following a link there; {@code null} when nothing is. */
    BasicFileAttributes attributesOf(ArchivePath path) throws IOException {
        return attributesOf(path.under(root));
    }

    /**
     * Removes whatever is at {@code path}: a file or link is unlinked (never followed), a directory deleted with
     * everything below it.
     */
    void remove(ArchivePath path) throws IOException {
        Path target = path.under(root);
        BasicFileAttributes found = attributesOf(target);
        if (found == null) {
            return;
        }
        if (found.isDirectory()) {
            Directories.deleteTree(target);
        } else {
            Files.delete(target);
        }
    }

    /** Whether {@code path} and all its parents are real directories, none of them a link. */
    boolean isRealDirectoryChain(ArchivePath path) throws IOException {
        List<String> parts = path.parts();
        for (int i = 1; i <= parts.size(); i++) {
            BasicFileAttributes found = attributesOf(new ArchivePath(parts.subList(0, i)).under(root));
            if (found == null || !found.isDirectory()) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code path} exists, is not a directory, and is reached only through real directories. */
    boolean isNonDirectoryReachedDirectly(ArchivePath path) throws IOException {
        if (path.isRoot() || !isRealDirectoryChain(path.parent())) {
            return false;
        }
        BasicFileAttributes found = attributesOf(path.under(root));
        return found != null && !found.isDirectory();
    }

    private static BasicFileAttributes attributesOf(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
