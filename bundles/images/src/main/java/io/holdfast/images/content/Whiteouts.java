package io.holdfast.images.content;

import io.holdfast.common.io.Directories;
import io.holdfast.common.process.Command;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Turns a freshly unpacked layer's AUFS-style whiteouts into overlayfs's: {@code .wh.NAME} becomes a character
 * device 0/0 named {@code NAME}, and an opaque directory ({@code .wh..wh..opq}) becomes a whiteout of every name the
 * layers below hold in it. Opaque directories are expressed that way, not with the {@code trusted.overlay.opaque}
 * xattr, because the JDK cannot set {@code trusted.*} xattrs and no setfattr is installed; it also makes the vfs
 * driver's flattening need nothing but the directories. Device nodes are made by {@code mknod} (the engine is root).
 */
final class Whiteouts {
    static final String PREFIX = ".wh.";
    static final String META_PREFIX = ".wh..wh.";
    static final String OPAQUE = ".wh..wh..opq";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Whiteouts() {
    }

    /**
     * @param diff   the unpacked layer
     * @param lowers the directories of the layers below, lowest first
     * @return how many whiteouts it made
     */
    static int convert(Path diff, List<Path> lowers) throws IOException {
        List<Path> markers;
        try (Stream<Path> walk = Files.walk(diff)) {
            markers = walk.filter(p -> p.getFileName() != null && p.getFileName().toString().startsWith(PREFIX))
                    .toList();
        }
        int made = 0;
        for (Path marker : markers) {
            String name = marker.getFileName().toString();
            Path dir = marker.getParent();
            Directories.deleteTree(marker);
            if (name.equals(OPAQUE)) {
                String relative = diff.relativize(dir).toString();
                for (String hidden : namesBelow(lowers, relative)) {
                    if (!Files.exists(dir.resolve(hidden), LinkOption.NOFOLLOW_LINKS)) {
                        mknod(dir.resolve(hidden));
                        made++;
                    }
                }
            } else if (!name.startsWith(META_PREFIX)) {
                Path hidden = dir.resolve(name.substring(PREFIX.length()));
                Directories.deleteTree(hidden);
                mknod(hidden);
                made++;
            }
        }
        return made;
    }

    /** The names in {@code relative} of any layer below, found without following links out of a layer. */
    private static Set<String> namesBelow(List<Path> lowers, String relative) throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path lower : lowers) {
            Path dir = realDirectory(lower, relative);
            if (dir == null) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                entries.forEach(entry -> names.add(entry.getFileName().toString()));
            }
        }
        return names;
    }

    /** {@code base/relative} when every component of it is a real directory (no link), else null. */
    private static Path realDirectory(Path base, String relative) {
        Path current = base;
        if (!relative.isEmpty()) {
            for (Path component : Path.of(relative)) {
                current = current.resolve(component.toString());
                if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                    return null;
                }
            }
        }
        return current;
    }

    private static void mknod(Path path) throws IOException {
        Command.Result result = Command.run(List.of("mknod", path.toString(), "c", "0", "0"), TIMEOUT);
        if (!result.ok()) {
            throw new IOException("cannot make the whiteout " + path + ": " + result.describe());
        }
    }

    /** Whether {@code path} is an overlayfs whiteout: a character device 0/0. */
    static boolean isWhiteout(Path path) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (mode & 0170000) == 0020000 && ((Long) Files.getAttribute(path, "unix:rdev", LinkOption.NOFOLLOW_LINKS)) == 0L;
    }

    /** For tests: every whiteout under {@code diff}, relative. */
    static List<String> list(Path diff) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(diff)) {
            for (Path p : walk.toList()) {
                if (isWhiteout(p)) {
                    found.add(diff.relativize(p).toString());
                }
            }
        }
        return found;
    }
}
