package io.holdfast.launcher;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The exec-root, as far as the launcher must know it before the framework (and the config bundle, which validates
 * daemon.json) starts: to put Felix's cache there. {@code --exec-root}, else daemon.json's top-level
 * {@code "exec-root"}, else Docker's default. A daemon.json the launcher cannot read is left for the config bundle
 * to report; the cache then goes to the default place.
 *
 * <pre>{@code
 * Path execRoot = LauncherExecRoot.of(flag, Path.of("/etc/holdfast/daemon.json"));
 * }</pre>
 */
final class LauncherExecRoot {
    static final Path DEFAULT = Path.of("/run/holdfast");

    private LauncherExecRoot() {
    }

    static Path of(Path flag, Path daemonJson) {
        if (flag != null) {
            return flag.toAbsolutePath();
        }
        if (daemonJson != null) {
            try {
                var configured = DaemonJsonPeek.string(daemonJson, "exec-root").map(Path::of)
                        .filter(Path::isAbsolute);
                if (configured.isPresent()) {
                    return configured.get();
                }
            } catch (IOException | RuntimeException unreadable) {
                // the config bundle reads the file again and says what is wrong with it
            }
        }
        return DEFAULT;
    }
}
