package io.holdfast.common.restore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings a container depends on, flattened to one map so that what it was created under and what holds
 * today compare key by key. The supervisor records it at create; the restore compares it before adopting.
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

    private ContainerEnvironment() {
    }

    /** {@code data-root}, {@code storage-driver}, then the plugins' settings under {@code storage.} and {@code network.}. */
    public static Map<String, String> of(String dataRoot, String storageDriver, Map<String, String> storageSettings,
                                         Map<String, String> networkSettings) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(DATA_ROOT, dataRoot);
        env.put(STORAGE_DRIVER, storageDriver);
        new TreeMap<>(storageSettings).forEach((k, v) -> env.put("storage." + k, v));
        new TreeMap<>(networkSettings).forEach((k, v) -> env.put("network." + k, v));
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
