package io.holdfast.supervisor.archive;

import io.holdfast.spi.container.FileChange;
import io.holdfast.spi.container.FileChange.Kind;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code docker diff}: walks a container's root file system beside its image's and lists what differs, by the rules
 * of moby's {@code archive.Changes}: a path missing from the image is added, one missing from the container deleted,
 * a file whose type, mode, owner, size or modification time differs is modified, and a directory is modified when
 * its own mode or owner changed or anything below it did (its modification time alone does not count). The mount
 * points the runtime made ({@code /proc}, {@code /etc/hosts}, bind mount targets, ...) are left out, and so are
 * directories made only to hold them, as Docker's init layer hides them. Works for every storage driver, since it
 * reads the container's file system as the host sees it; the cost is a walk of both trees.
 */
public final class FileChanges {
    private static final String ATTRIBUTES = "unix:mode,uid,gid,size,lastModifiedTime,rdev";

    private final Path container;
    private final Path image;
    private final Set<String> mountPoints;

    /** @param mountPoints absolute paths inside the container where the runtime mounted something */
    public FileChanges(Path container, Path image, Set<String> mountPoints) {
        this.container = container;
        this.image = image;
        this.mountPoints = new TreeSet<>(mountPoints);
    }

    public List<FileChange> list() throws IOException {
        List<FileChange> changes = new ArrayList<>();
        walk("", changes);
        changes.sort(Comparator.comparing(FileChange::path));
        return changes;
    }

    /** Adds the changes below {@code dir} (a path inside the container, "" for the root); returns whether any. */
    private boolean walk(String dir, List<FileChange> changes) throws IOException {
        int before = changes.size();
        Set<String> inContainer = names(container, dir);
        Set<String> inImage = names(image, dir);
        for (String name : inContainer) {
            String path = dir + "/" + name;
            if (mountPoints.contains(path)) {
                continue;
            }
            Path here = container.resolve(path.substring(1));
            Path there = image.resolve(path.substring(1));
            boolean isDir = Files.isDirectory(here, LinkOption.NOFOLLOW_LINKS);
            if (!inImage.contains(name)) {
                boolean anyBelow = isDir && walk(path, changes);
                if (anyBelow || !holdsOnlyMountPoints(path)) {
                    changes.add(new FileChange(path, Kind.ADDED));
                }
                continue;
            }
            boolean bothDirs = isDir && Files.isDirectory(there, LinkOption.NOFOLLOW_LINKS);
            boolean anyBelow = bothDirs && walk(path, changes);
            if (anyBelow || differs(here, there, bothDirs)) {
                changes.add(new FileChange(path, Kind.MODIFIED));
            }
        }
        for (String name : inImage) {
            if (!inContainer.contains(name)) {
                changes.add(new FileChange(dir + "/" + name, Kind.DELETED));
            }
        }
        return changes.size() > before;
    }

    /** A directory the runtime made on the way to a mount point: nothing the container itself put there. */
    private boolean holdsOnlyMountPoints(String path) {
        String prefix = path + "/";
        return mountPoints.stream().anyMatch(mount -> mount.startsWith(prefix));
    }

    private static boolean differs(Path here, Path there, boolean bothDirs) throws IOException {
        Map<String, Object> now = Files.readAttributes(here, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        Map<String, Object> was = Files.readAttributes(there, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        for (String key : bothDirs ? List.of("mode", "uid", "gid") : List.of("mode", "uid", "gid", "size",
                "lastModifiedTime", "rdev")) {
            if (!Objects.equals(now.get(key), was.get(key))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> names(Path root, String dir) throws IOException {
        Path path = dir.isEmpty() ? root : root.resolve(dir.substring(1));
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        } catch (NoSuchFileException gone) {
            // removed while walking: nothing below it
        }
        return names;
    }
}
