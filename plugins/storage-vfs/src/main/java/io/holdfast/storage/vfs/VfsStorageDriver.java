package io.holdfast.storage.vfs;

import io.holdfast.common.io.Directories;
import io.holdfast.spi.storage.StorageDriver;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Component;

/**
 * The vfs driver: each container gets a full copy of its image's root filesystem under
 * {@code <data-root>/storage/vfs/<id>}. Nothing is mounted, so there is nothing to find again or clean up on
 * restore: a running container's copy is simply left where it is.
 */
@Component(property = StorageDriver.NAME + "=vfs")
public class VfsStorageDriver implements StorageDriver {

    @Override
    public String name() {
        return "vfs";
    }

    @Override
    public Path create(String containerId, Path imageRootfs, Path home) throws IOException {
        Path rootfs = home.resolve(containerId);
        Path partial = home.resolve(containerId + ".partial");
        Files.createDirectories(home);
        Directories.deleteTree(partial); // left by a crash during an earlier copy
        try {
            copyTree(imageRootfs, partial);
            Files.move(partial, rootfs, StandardCopyOption.ATOMIC_MOVE);
            return rootfs;
        } catch (IOException | RuntimeException e) {
            Directories.deleteTree(partial); // a failed create undoes its own work
            throw e;
        }
    }

    /** A layered image: its layers are flattened into the container's copy (see {@link LayerFlattener}). */
    @Override
    public Path create(String containerId, java.util.List<Path> layers, Path home) throws IOException {
        if (layers.size() == 1) {
            return create(containerId, layers.get(0), home);
        }
        Path rootfs = home.resolve(containerId);
        Path partial = home.resolve(containerId + ".partial");
        Files.createDirectories(home);
        Directories.deleteTree(partial);
        try {
            LayerFlattener.flatten(layers, partial);
            Files.move(partial, rootfs, StandardCopyOption.ATOMIC_MOVE);
            return rootfs;
        } catch (IOException | RuntimeException e) {
            Directories.deleteTree(partial);
            throw e;
        }
    }

    @Override
    public void remove(String containerId, Path home) throws IOException {
        Directories.deleteTree(home.resolve(containerId));
        Directories.deleteTree(home.resolve(containerId + ".partial"));
    }

    /**
     * Copies are plain directories: nothing to remount. What belongs to no container (a copy a crash interrupted,
     * a create whose record was never written) is deleted.
     */
    @Override
    public void restore(Set<String> containerIds, Path home) throws IOException {
        if (!Files.isDirectory(home)) {
            return;
        }
        try (Stream<Path> entries = Files.list(home)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!containerIds.contains(name)) {
                    Directories.deleteTree(entry);
                }
            }
        }
    }

    /** Copies files, directories and links as they are, with permissions, owners and times. */
    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.copy(dir, to.resolve(from.relativize(dir).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                copyOwner(file, target);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Path target = to.resolve(from.relativize(dir).toString());
                copyOwner(dir, target);
                Files.setLastModifiedTime(target, Files.getLastModifiedTime(dir));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void copyOwner(Path source, Path target) throws IOException {
        Files.setAttribute(target, "unix:uid", Files.getAttribute(source, "unix:uid", LinkOption.NOFOLLOW_LINKS),
                LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(target, "unix:gid", Files.getAttribute(source, "unix:gid", LinkOption.NOFOLLOW_LINKS),
                LinkOption.NOFOLLOW_LINKS);
    }
}
