package io.holdfast.restore;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.environment.ContainerEnvironment;
import io.holdfast.spi.restore.PluginCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a container cannot be adopted as it is: a plugin it needs is not installed, or the settings it was created
 * under (data root, storage driver, the plugins' own) are no longer today's. Such a container is never adopted,
 * removed or restarted half-blind; it keeps running and waits for the plugin, or for the operator.
 */
final class Blockers {
    private final List<PluginCheck> installed;
    private final DaemonConfig config;

    private final LayerCheck layers;

    /** Without a layer check, as the tests of the settings checks use it. */
    Blockers(List<PluginCheck> installed, DaemonConfig config) {
        this(installed, config, new LayerCheck(null));
    }

    Blockers(List<PluginCheck> installed, DaemonConfig config, LayerCheck layers) {
        this.installed = installed;
        this.config = config;
        this.layers = layers;
    }

    /** A sentence naming what stands in the way, or null when nothing does. */
    String of(ContainerRecord record) {
        String missing = missingPlugins(record);
        if (missing != null) {
            return missing + "; left as it is until the plugin is installed (drop it into deploy/)";
        }
        String missingLayer = layers.missing(record);
        if (missingLayer != null) {
            return missingLayer + "; left as it is: its root filesystem stands on that layer (load or pull its "
                    + "image again, or stop it)";
        }
        Map<String, String> recorded = record.environment();
        List<String> changes = ContainerEnvironment.changes(recorded, environmentNow(record));
        if (changes.isEmpty()) {
            return null;
        }
        String execRoot = recorded.get(ContainerEnvironment.EXEC_ROOT);
        String advice = execRoot != null && changes.stream().anyMatch(c -> c.startsWith(ContainerEnvironment.EXEC_ROOT
                + " was")) ? "; its monitor lives under the exec-root " + execRoot + ", which this engine does not "
                + "look in: start the engine with that exec-root to adopt it (it keeps running meanwhile)"
                : "; left running as it is: adopt it under the new settings or stop it";
        return "settings changed since it was created: " + String.join("; ", changes) + advice;
    }

    /** Which plugins the container needs that are not installed, as a sentence, or null. */
    String missingPlugins(ContainerRecord record) {
        List<String> missing = new ArrayList<>();
        if (plugin("storage", record.storageDriver()).isEmpty()) {
            missing.add("storage driver " + record.storageDriver());
        }
        if (plugin("network", record.spec().networkMode()).isEmpty()) {
            missing.add("network " + record.spec().networkMode());
        }
        record.spec().mounts().stream().filter(m -> m.volume() != null && !m.volume().driver().isEmpty())
                .map(m -> m.volume().driver()).distinct().filter(d -> plugin("volume", d).isEmpty())
                .forEach(d -> missing.add("volume driver " + d));
        return missing.isEmpty() ? null : String.join(" and ", missing) + " not installed";
    }

    /** The settings the container would run under if adopted now. */
    Map<String, String> environmentNow(ContainerRecord record) {
        return ContainerEnvironment.withExecRoot(ContainerEnvironment.of(config.dataRoot(), config.storageDriver(),
                plugin("storage", record.storageDriver()).map(PluginCheck::settings).orElse(Map.of()),
                plugin("network", record.spec().networkMode()).map(PluginCheck::settings).orElse(Map.of())),
                config.execRoot());
    }

    private Optional<PluginCheck> plugin(String kind, String name) {
        return installed.stream().filter(p -> p.kind().equals(kind) && p.name().equals(name)).findFirst();
    }
}
