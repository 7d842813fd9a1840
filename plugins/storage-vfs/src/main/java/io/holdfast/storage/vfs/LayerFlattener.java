package io.holdfast.storage.vfs;

import io.holdfast.common.io.Directories;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies an image's layers, lowest first, into one directory, as overlayfs would show them: a file in a higher
 * layer replaces the one below, directories merge, and a whiteout (a character device 0/0) deletes the name below.
 * Copies keep modes, owners and times. Never follows a link: a layer's symbolic links are copied as links.
 */
final class LayerFlattener {
    private LayerFlattener() {
    }

    static void flatten(List<Path> layers, Path target) throws IOException {
        Files.createDirectory(target);
        for (Path layer : layers) {
            apply(layer, target);
        }
    }

    private static void apply(Path layer, Path target) throws IOException {
        List<Path[]> directories = new ArrayList<>();
        Files.walkFileTree(layer, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path to = target.resolve(layer.relativize(dir).toString());
                if (!Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
                    Directories.deleteTree(to);
                    Files.copy(dir, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
                directories.add(new Path[] {dir, to});
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path to = target.resolve(layer.relativize(file).toString());
                Directories.deleteTree(to);
                if (attrs.isOther()) {
                    return FileVisitResult.CONTINUE; // a whiteout: the name is gone
                }
                Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                copyOwner(file, to);
                return FileVisitResult.CONTINUE;
            }
        });
        // a directory's own attributes last, so copying into it neither fails on its mode nor changes its mtime
        for (int i = directories.size() - 1; i >= 0; i--) {
            Path from = directories.get(i)[0];
            Path to = directories.get(i)[1];
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from, LinkOption.NOFOLLOW_LINKS));
            copyOwner(from, to);
            Files.setLastModifiedTime(to, Files.getLastModifiedTime(from, LinkOption.NOFOLLOW_LINKS));
        }
    }

    private static void copyOwner(Path source, Path target) throws IOException {
        Files.setAttribute(target, "unix:uid", Files.getAttribute(source, "unix:uid", LinkOption.NOFOLLOW_LINKS),
                LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(target, "unix:gid", Files.getAttribute(source, "unix:gid", LinkOption.NOFOLLOW_LINKS),
                LinkOption.NOFOLLOW_LINKS);
    }
}
