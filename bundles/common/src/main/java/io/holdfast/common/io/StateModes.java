package io.holdfast.common.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tightens state an older engine left readable: the data root and Holdfast's own metadata directories become 0700
 * (as Docker's 0710 root:root: nothing but the engine, conmon and the runtime, all root, enters it), its files
 * 0600. What is not Holdfast's metadata keeps its modes: an image's root file system
 * ({@code images/<id>/rootfs}) and everything the storage drivers keep under {@code storage/} (containers' root file
 * systems; {@code storage/} itself becomes 0700), what the volume drivers keep under {@code volumes/} and
 * {@code volume-drivers/} (volumes' data, as containers wrote it; the directories themselves become 0700), and the files bound into containers ({@code hosts},
 * {@code hostname}, {@code resolv.conf}: 0644, since a container's non-root processes read them).
 *
 * <pre>{@code List<String> changed = StateModes.tightenDataRoot(Path.of("/var/lib/holdfast"));
 * changed.forEach(LOG::info); // "/var/lib/holdfast/containers/ab12.../config.json: rw-r--r-- -> rw-------"}</pre>
 */
public final class StateModes {
    /** Files in a container's directory that are bind-mounted into it. */
    static final Set<String> BOUND_INTO_CONTAINERS = Set.of("hosts", "hostname", "resolv.conf");
    /** The data root's directories whose content is the containers' (root file systems, volumes), not metadata. */
    private static final Set<String> USERS_DATA = Set.of("storage", "volumes", "volume-drivers");
    /**
     * Directories whose content is not Holdfast's metadata, by name within their parent: an imported image's
     * {@code rootfs}, and a layer's {@code diff} ({@code images/layers/<chain id>/diff}), the files containers see.
     */
    private static final Set<String> NOT_METADATA = Set.of("rootfs", "diff");

    private StateModes() {
    }

    /** Tightens the data root; one line per path whose mode changed, {@code path: old -> new}. */
    public static List<String> tightenDataRoot(Path root) throws IOException {
        List<String> changed = new ArrayList<>();
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return changed;
        }
        set(root, FileModes.PRIVATE_DIR, changed);
        for (Path child : list(root)) {
            String name = child.getFileName().toString();
            if (USERS_DATA.contains(name)) {
                // below it: root file systems or volumes, their drivers' own, modes as the containers set them
                set(child, FileModes.PRIVATE_DIR, changed);
            } else if (name.equals("containers")) {
                tightenTree(child, changed, true);
            } else {
                tightenTree(child, changed, false);
            }
        }
        return changed;
    }

    /**
     * Tightens the tree of {@code dir}: directories 0700, files 0600, never below an image's {@code rootfs}. A
     * directory that is already 0700 is taken as done with all it holds.
     */
    public static List<String> tightenTree(Path dir) throws IOException {
        List<String> changed = new ArrayList<>();
        tightenTree(dir, changed, false);
        return changed;
    }

    private static void tightenTree(Path path, List<String> changed, boolean containers) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return;
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            boolean bound = containers && BOUND_INTO_CONTAINERS.contains(path.getFileName().toString());
            if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                set(path, bound ? FileModes.READABLE_FILE : FileModes.PRIVATE_FILE, changed);
            }
            return; // sockets and fifos: the directory that holds them is what keeps others out
        }
        if (NOT_METADATA.contains(path.getFileName().toString())) {
            return; // its own mode is the container's "/": the image's
        }
        if (FileModes.PRIVATE_DIR.equals(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS))) {
            // made private by this engine, or by a tightening that finished it (a directory is tightened after
            // its content): nothing below needs a look, so a start does not walk every container's files
            return;
        }
        for (Path child : list(path)) {
            tightenTree(child, changed, containers);
        }
        set(path, FileModes.PRIVATE_DIR, changed);
    }

    private static void set(Path path, Set<java.nio.file.attribute.PosixFilePermission> mode, List<String> changed)
            throws IOException {
        String before = FileModes.describe(path);
        if (FileModes.set(path, mode)) {
            changed.add(path + ": " + before + " -> " + FileModes.describe(path));
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(children::add);
        }
        return children;
    }
}
