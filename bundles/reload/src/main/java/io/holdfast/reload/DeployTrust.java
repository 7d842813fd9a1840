package io.holdfast.reload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Whether {@code deploy/} and a jar in it may be trusted: whatever is there runs inside the engine, as root, so it
 * must be owned by root and writable by nobody else (not by its group, not by others), and be a file or directory
 * itself, not a symbolic link to one that someone else may change.
 *
 * <pre>{@code
 * Optional<String> why = DeployTrust.untrusted(Path.of("deploy"));   // "owned by uid 1000, not root"
 * }</pre>
 */
final class DeployTrust {
    private static final int ROOT = 0;

    private DeployTrust() {
    }

    /** Why {@code path} is not to be trusted, or empty when it is. */
    static Optional<String> untrusted(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return Optional.of("a symbolic link; put the jar itself there");
        }
        int owner = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (owner != ROOT) {
            return Optional.of("owned by uid " + owner + ", not root");
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            String who = mode.contains(PosixFilePermission.OTHERS_WRITE) ? "everyone" : "its group";
            return Optional.of("writable by " + who
                    + " (mode " + java.nio.file.attribute.PosixFilePermissions.toString(mode) + "); chmod go-w");
        }
        return Optional.empty();
    }
}
