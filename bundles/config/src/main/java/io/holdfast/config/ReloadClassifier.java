package io.holdfast.config;

import io.holdfast.spi.config.ConfigUpdate;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.config.SettingChange;
import io.holdfast.spi.monitor.OciRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Compares the running {@link DaemonConfig} with a newly read candidate and sorts the changed core keys into those a
 * reload applies and those that need an engine restart. A key needs a restart when what it configures is held open
 * for the engine's lifetime: sockets, directories and their locks, the storage driver's mounts. Plugins' keys are
 * sorted by what their owners declare ({@link OwnerChanges}); {@code storage-opts} entries belong to the drivers.
 *
 * <pre>{@code
 * ConfigUpdate changes = ReloadClassifier.classify(running, reader.read(flags));
 * changes.reloadable().forEach(c -> LOG.info("applied " + c));
 * changes.needsRestart().forEach(c -> LOG.warning("pending until restart: " + c));
 * }</pre>
 *
 * Pure: no I/O, safe from any thread.
 */
public final class ReloadClassifier {
    private static final List<Key> KEYS = List.of(
            Key.reloadable("live-restore", c -> Boolean.toString(c.liveRestore())),
            Key.restart("data-root", DaemonConfig::dataRoot),
            Key.restart("exec-root", DaemonConfig::execRoot),
            Key.restart("hosts", c -> c.hosts().toString()),
            Key.reloadable("default-runtime", DaemonConfig::defaultRuntime),
            Key.reloadable("runtimes", c -> runtimes(c.runtimes())),
            Key.restart("storage-driver", DaemonConfig::storageDriver),
            Key.reloadable("debug", c -> Boolean.toString(c.debug())),
            Key.reloadable("shutdown-timeout", c -> Integer.toString(c.shutdownTimeoutSeconds())),
            Key.restart("log-driver", DaemonConfig::logDriver),
            // applies to containers started afterwards: conmon takes the bound on its command line
            Key.reloadable("log-opts", c -> c.logSizeMax() > 0
                    ? "{" + LogKeys.MAX_SIZE + "=" + ByteSize.display(c.logSizeMax()) + "}" : "{}"));

    private ReloadClassifier() {
    }

    /** The keys whose displayed value differs between {@code running} and {@code candidate}, split by reload. */
    public static ConfigUpdate classify(DaemonConfig running, DaemonConfig candidate) {
        List<SettingChange> reloadable = new ArrayList<>();
        List<SettingChange> needsRestart = new ArrayList<>();
        for (Key key : KEYS) {
            String before = key.display().apply(running);
            String after = key.display().apply(candidate);
            if (!before.equals(after)) {
                (key.reloadable() ? reloadable : needsRestart).add(new SettingChange(key.name(), before, after));
            }
        }
        return new ConfigUpdate(reloadable, needsRestart);
    }

    /**
     * The running configuration with the reloadable keys of {@code candidate}, all together: what a reload
     * publishes. Keys that need a restart keep their running values until then.
     */
    public static DaemonConfig applyReloadable(DaemonConfig running, DaemonConfig candidate) {
        return new DaemonConfig(candidate.source(), candidate.liveRestore(), running.dataRoot(), running.execRoot(),
                running.hosts(), candidate.defaultRuntime(), candidate.runtimes(), running.storageDriver(),
                candidate.debug(), candidate.shutdownTimeoutSeconds(), running.logDriver(), candidate.logSizeMax());
    }

    /** Every key this classifier knows, so a test can hold it to the core keys daemon.json accepts. */
    static List<String> classifiedKeys() {
        return KEYS.stream().map(Key::name).toList();
    }

    /** Sorted by name, so the order runtimes were configured in is not a change. */
    private static String runtimes(Map<String, OciRuntime> runtimes) {
        Map<String, String> paths = new TreeMap<>();
        runtimes.forEach((name, runtime) -> paths.put(name, runtime.path()));
        return paths.toString();
    }

    /** A daemon.json key, whether a reload applies it, and how its value is shown (and compared). */
    private record Key(String name, boolean reloadable, Function<DaemonConfig, String> display) {
        static Key reloadable(String name, Function<DaemonConfig, String> display) {
            return new Key(name, true, display);
        }

        static Key restart(String name, Function<DaemonConfig, String> display) {
            return new Key(name, false, display);
        }
    }
}
