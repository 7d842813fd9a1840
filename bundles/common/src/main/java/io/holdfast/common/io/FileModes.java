package io.holdfast.common.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The modes Holdfast keeps its own state in: directories only root can enter, files only root can read (a
 * container's {@code config.json} holds its environment, secrets included). Symbolic links are never followed.
 *
 * <pre>{@code boolean changed = FileModes.set(dir, FileModes.PRIVATE_DIR);}</pre>
 */
public final class FileModes {
    /** 0700. */
    public static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    /** 0600. */
    public static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    /** 0644: a file bound into containers, which their non-root processes must read ({@code /etc/hosts}). */
    public static final Set<PosixFilePermission> READABLE_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private FileModes() {
    }

    /** Gives {@code path} the mode {@code wanted}; whether it had another one. Links and missing paths are left. */
    public static boolean set(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path)) {
            return false;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (now.equals(wanted)) {
            return false;
        }
        Files.setPosixFilePermissions(path, wanted);
        return true;
    }

    /** The mode as {@code ls -l} spells it, for log lines and messages. */
    public static String describe(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
