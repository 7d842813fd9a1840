package io.holdfast.spi.environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings a container depends on, flattened to one map so that what it was created under and what holds
 * today compare key by key. The supervisor writes it into the container's record at create (and again when an
 * operator adopts the container under new settings); the restore compares it with today's before adopting.
 *
 * <p>The keys, as {@code ContainerRecord.environment()} stores them in {@code state.json}:
 * <table>
 * <caption>environment keys</caption>
 * <tr><th>key</th><th>value</th></tr>
 * <tr><td>{@value #DATA_ROOT}</td><td>the engine's data root when the container was created</td></tr>
 * <tr><td>{@value #STORAGE_DRIVER}</td><td>daemon.json's {@code storage-driver} at that time</td></tr>
 * <tr><td>{@value #EXEC_ROOT}</td><td>the exec root its current monitor lives in: set at each start (records
 *     written before it existed lack it, and nothing is compared for them)</td></tr>
 * <tr><td>{@value #STORAGE_PREFIX}{@code <key>}</td><td>each of the storage driver's {@code settings()}</td></tr>
 * <tr><td>{@value #NETWORK_PREFIX}{@code <key>}</td><td>each of the network bridge's {@code settings()}, e.g.
 *     {@code network.subnet}</td></tr>
 * </table>
 *
 * <p>These keys are written by one engine and read by another (the record outlives the engine, and the supervisor
 * and restore bundles are swapped apart), so they are part of the container record's schema: renaming one needs a
 * record schema step with its migration, and changes a constant here, which the SPI baseline reports as a major
 * change of this package.
 *
 * <pre>{@code
 * Map<String, String> env = ContainerEnvironment.of("/var/lib/holdfast", "overlay", Map.of(),
 *         Map.of("subnet", "172.30.0.0/16"));
 * List<String> changes = ContainerEnvironment.changes(record.environment(), env); // empty: adopt as it is
 * }</pre>
 */
public final class ContainerEnvironment {
    public static final String DATA_ROOT = "data-root";
    public static final String STORAGE_DRIVER = "storage-driver";
    /** Where the container's monitor lives: an engine with another exec root cannot see it. */
    public static final String EXEC_ROOT = "exec-root";
    /** Prefix of the storage driver's own settings. */
    public static final String STORAGE_PREFIX = "storage.";
    /** Prefix of the network bridge's own settings. */
    public static final String NETWORK_PREFIX = "network.";

    private ContainerEnvironment() {
    }

    /** {@code data-root}, {@code storage-driver}, then the plugins' settings under {@code storage.} and {@code network.}. */
    public static Map<String, String> of(String dataRoot, String storageDriver, Map<String, String> storageSettings,
                                         Map<String, String> networkSettings) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(DATA_ROOT, dataRoot);
        env.put(STORAGE_DRIVER, storageDriver);
        new TreeMap<>(storageSettings).forEach((k, v) -> env.put(STORAGE_PREFIX + k, v));
        new TreeMap<>(networkSettings).forEach((k, v) -> env.put(NETWORK_PREFIX + k, v));
        return env;
    }

    /** {@code environment} with {@value #EXEC_ROOT} set to {@code execRoot} (normalised); null stays null. */
    public static Map<String, String> withExecRoot(Map<String, String> environment, String execRoot) {
        if (environment == null) {
            return null;
        }
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(EXEC_ROOT, java.nio.file.Path.of(execRoot).normalize().toString());
        return env;
    }

    /**
     * Each recorded setting that holds another value now, as {@code key was X, now Y}. Settings that exist only now
     * (a plugin that learned a new one) are not changes: the container never depended on them.
     */
    public static List<String> changes(Map<String, String> recorded, Map<String, String> current) {
        List<String> changes = new ArrayList<>();
        new TreeMap<>(recorded).forEach((key, was) -> {
            String now = current.get(key);
            if (!was.equals(now)) {
                changes.add(key + " was " + was + ", now " + (now == null ? "unset" : now));
            }
        });
        return changes;
    }
}
