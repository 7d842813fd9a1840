package io.holdfast.supervisor.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a path inside a container's root file system as the container would see it: symbolic links are followed
 * relative to that root, and {@code ..} stops at it, so an image's {@code /etc/passwd -> /../../host/file} cannot make
 * the engine read a file of the host.
 */
final class RootPath {
    private static final int MAX_LINKS = 40;

    private RootPath() {
    }

    /** The host path of {@code path} in {@code root}; it need not exist. */
    static Path resolve(Path root, String path) throws IOException {
        Deque<String> pending = new ArrayDeque<>(parts(path));
        Deque<String> resolved = new ArrayDeque<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String part = pending.pollFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                resolved.pollLast();
                continue;
            }
            Path candidate = join(root, resolved).resolve(part);
            if (Files.isSymbolicLink(candidate)) {
                if (++links > MAX_LINKS) {
                    throw new IOException(path + ": too many levels of symbolic links in the container's root");
                }
                String target = Files.readSymbolicLink(candidate).toString();
                if (target.startsWith("/")) {
                    resolved.clear();
                }
                List<String> targetParts = parts(target);
                for (int i = targetParts.size() - 1; i >= 0; i--) {
                    pending.addFirst(targetParts.get(i));
                }
                continue;
            }
            resolved.addLast(part);
        }
        return join(root, resolved);
    }

    private static List<String> parts(String path) {
        return List.of(path.split("/"));
    }

    private static Path join(Path root, Deque<String> parts) {
        Path result = root;
        for (String part : parts) {
            result = result.resolve(part);
        }
        return result;
    }
}
