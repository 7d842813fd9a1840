package io.holdfast.restore;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.restore.PluginCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * Which plugins a container needs that are not installed: its storage driver and its network. Such a container is
 * never adopted, removed or restarted half-blind; it waits, running, until the plugin appears.
 */
final class MissingPlugins {
    private MissingPlugins() {
    }

    /** A sentence naming what is missing, or null when everything the container needs is there. */
    static String of(ContainerRecord record, List<PluginCheck> installed) {
        List<String> missing = new ArrayList<>();
        if (!present(installed, "storage", record.storageDriver())) {
            missing.add("storage driver " + record.storageDriver());
        }
        if (!present(installed, "network", record.spec().networkMode())) {
            missing.add("network " + record.spec().networkMode());
        }
        return missing.isEmpty() ? null : String.join(" and ", missing) + " not installed";
    }

    private static boolean present(List<PluginCheck> installed, String kind, String name) {
        return installed.stream().anyMatch(p -> p.kind().equals(kind) && p.name().equals(name));
    }
}
