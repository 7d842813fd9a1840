package io.holdfast.supervisor.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a path inside a container's root file system as the container would, without ever leaving it (moby's
 * {@code FollowSymlinkInScope}): {@code ..} stops at the root, and symbolic links are followed with absolute targets
 * counted from the container's root, so a link to {@code /etc} or {@code ../../..} lands inside the root.
 */
public final class ScopedPath {
    private static final int MAX_LINKS = 255;

    private ScopedPath() {
    }

    /** {@code path} with every link followed, the last element's too. */
    public static Path resolve(Path root, String path) throws IOException {
        return root.resolve(String.join("/", components(root, path)));
    }

    /**
     * {@code path} with the links of its parents followed and its last element appended as it is, as moby's
     * {@code ResolvePath} does for stat and archive GET; a path ending in {@code /} or {@code /.} is followed whole.
     */
    public static Path resolveParent(Path root, String path) throws IOException {
        String trimmed = path;
        if (trimmed.endsWith("/") || trimmed.endsWith("/.") || trimmed.equals(".") || base(trimmed).isEmpty()) {
            return resolve(root, path);
        }
        int slash = trimmed.lastIndexOf('/');
        String parent = slash < 0 ? "/" : trimmed.substring(0, slash + 1);
        String last = trimmed.substring(slash + 1);
        if (last.equals("..")) {
            return resolve(root, path);
        }
        return resolve(root, parent).resolve(last);
    }

    /** The container's view of a host path under {@code root}: {@code /etc/hostname}. */
    public static String inContainer(Path root, Path hostPath) {
        String relative = root.relativize(hostPath).toString();
        return "/" + relative;
    }

    /** The last element of {@code path} as Docker names it: {@code /etc/} gives {@code etc}, {@code /} gives {@code /}. */
    public static String base(String path) {
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.equals("/")) {
            return "/";
        }
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static List<String> components(Path root, String path) throws IOException {
        Deque<String> todo = new ArrayDeque<>(List.of(path.split("/")));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.pollFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            Path candidate = root.resolve(String.join("/", done)).resolve(part);
            if (Files.isSymbolicLink(candidate)) {
                if (++links > MAX_LINKS) {
                    throw new IOException("too many symbolic links in " + path);
                }
                String target = Files.readSymbolicLink(candidate).toString();
                if (target.startsWith("/")) {
                    done.clear();
                }
                String[] targetParts = target.split("/");
                for (int i = targetParts.length - 1; i >= 0; i--) {
                    todo.addFirst(targetParts[i]);
                }
                continue;
            }
            done.add(part);
        }
        return done;
    }
}
