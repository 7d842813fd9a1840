package io.holdfast.supervisor.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves a path inside a container's root filesystem as the container would see it: symbolic links are followed
 * with the root as {@code /}, so a link in an image (e.g. {@code /etc/passwd -> /host/etc/shadow}) can never lead the
 * engine to a file of the host (moby's {@code FollowSymlinkInScope}).
 *
 * <pre>{@code Path passwd = ScopedPath.resolve(Path.of(record.rootfs()), "/etc/passwd");}</pre>
 */
public final class ScopedPath {
    private static final int MAX_LINKS = 40;

    private ScopedPath() {
    }

    public static Path resolve(Path root, String path) throws IOException {
        Deque<String> rest = new ArrayDeque<>();
        push(rest, path);
        Path current = root;
        int links = 0;
        while (!rest.isEmpty()) {
            String part = rest.pop();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                current = current.equals(root) ? root : current.getParent();
                continue;
            }
            Path next = current.resolve(part);
            if (Files.isSymbolicLink(next)) {
                if (++links > MAX_LINKS) {
                    throw new IOException(path + ": too many levels of symbolic links");
                }
                String target = Files.readSymbolicLink(next).toString();
                push(rest, target);
                if (target.startsWith("/")) {
                    current = root;
                }
                continue;
            }
            current = next;
        }
        return current;
    }

    /** Puts the parts of {@code path} in front of what is left to resolve, in order. */
    private static void push(Deque<String> rest, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            rest.push(parts[i]);
        }
    }
}
