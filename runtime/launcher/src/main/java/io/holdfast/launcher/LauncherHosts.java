package io.holdfast.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The API's sockets, as far as the launcher must know them to bind them before the framework starts
 * ({@link EarlySocket}): {@code -H}, else daemon.json's top-level {@code "hosts"}, else the default, as the config
 * bundle decides them. Hosts the config bundle would refuse (none, or one that is not {@code unix:///ABSOLUTE}) give
 * none; the API bundle binds whatever the launcher did not.
 */
final class LauncherHosts {
    static final String DEFAULT = "unix:///run/holdfast.sock";

    private LauncherHosts() {
    }

    /** The hosts to bind; empty when the config bundle will refuse them (it then ends the engine, saying why). */
    static List<String> of(List<String> flags, Path daemonJson) {
        List<String> hosts = flags;
        if (hosts.isEmpty()) {
            try {
                hosts = daemonJson == null ? List.of(DEFAULT)
                        : DaemonJsonPeek.strings(daemonJson, "hosts").orElse(List.of(DEFAULT));
            } catch (IOException | RuntimeException unreadable) {
                return List.of();
            }
        }
        if (hosts.isEmpty() || !hosts.stream().allMatch(h -> h.startsWith("unix:///"))) {
            return List.of();
        }
        return hosts.stream().distinct().toList();
    }
}
