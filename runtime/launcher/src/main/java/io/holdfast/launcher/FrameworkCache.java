package io.holdfast.launcher;

import io.holdfast.common.io.Directories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Felix's bundle cache: {@code <exec-root>/felix-cache}, mode 0700, made afresh at each start. It lives under the
 * engine's own root-owned runtime directory, not under {@code /tmp}, where a predictable name could be planted or
 * swapped by another user before the engine loads bundle code from it (and where root's tmp cleaners remove it).
 * One engine per exec-root (its containers' monitors live there too), so one cache per engine.
 *
 * <pre>{@code
 * Path cache = FrameworkCache.create(Path.of("/run/holdfast"));   // /run/holdfast/felix-cache, drwx------
 * }</pre>
 */
final class FrameworkCache {
    static final String NAME = "felix-cache";

    private FrameworkCache() {
    }

    static Path create(Path execRoot) throws IOException {
        Files.createDirectories(execRoot);
        Path cache = execRoot.resolve(NAME);
        delete(cache); // a killed engine's; Felix would otherwise reuse whatever is there
        // created with its mode (no moment with a wider one), and failing if anything got there meanwhile
        return Files.createDirectory(cache, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
    }

    static void delete(Path dir) {
        try {
            Directories.deleteTree(dir); // a symbolic link is removed itself, never followed
        } catch (IOException e) {
            System.err.println("holdfastd: cannot remove the framework cache " + dir + ": " + e.getMessage());
        }
    }
}
