package io.holdfast.launcher;

import io.holdfast.common.io.Directories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A per-process Felix cache under the temp directory, named after the pid. Caches of engines that were killed are
 * removed at the next start, when their pid is gone.
 */
final class FrameworkCache {
    private static final String PREFIX = "holdfast-felix-";

    private FrameworkCache() {
    }

    static Path create() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> old = Files.list(tmp)) {
            for (Path dir : old.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
                String pid = dir.getFileName().toString().substring(PREFIX.length());
                if (pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                    delete(dir);
                }
            }
        }
        Path cache = tmp.resolve(PREFIX + ProcessHandle.current().pid());
        delete(cache);
        return Files.createDirectories(cache);
    }

    static void delete(Path dir) {
        try {
            Directories.deleteTree(dir);
        } catch (IOException e) {
            System.err.println("holdfastd: cannot remove the framework cache " + dir + ": " + e.getMessage());
        }
    }
}
