package io.holdfast.spi.container;

import io.holdfast.spi.network.NetworkAttachment;
import java.time.Instant;
import java.util.Map;

/**
 * Everything the engine knows about one container; the state store persists exactly this.
 *
 * @param schemaVersion  {@link #SCHEMA_VERSION} when written by this engine; older versions are migrated on read
 * @param id             64 hex characters
 * @param name           unique name without Docker's leading slash
 * @param created        creation time
 * @param spec           what the user asked for
 * @param imageId        the image's id at creation time
 * @param state          where it is in its lifecycle
 * @param restartCount   how often the engine restarted it by policy
 * @param storageDriver  the storage driver that made its root filesystem
 * @param rootfs         the root filesystem's path on the host
 * @param bundleDir      the OCI bundle directory (holds {@code config.json})
 * @param logPath        the log file its monitor writes
 * @param network        how it joined its network (namespace, addresses), as the bridge reported it
 * @param environment    the settings it was created under, or last adopted under: {@code data-root},
 *                       {@code storage-driver}, and its plugins' own settings as {@code storage.<key>} and
 *                       {@code network.<key>} (e.g. {@code network.subnet}); a restore compares them with today's
 * @param health         the last health status, streak and probes, or {@code null} when it was never probed; saved
 *                       with the rest so it survives an engine restart
 * @param connected      the further networks it was connected to ({@code docker network connect}), by name, in the
 *                       order they were connected; absent in records written before connections existed
 */
public record ContainerRecord(int schemaVersion, String id, String name, Instant created, ContainerSpec spec,
                              String imageId, RunState state, int restartCount, String storageDriver,
                              String rootfs, String bundleDir, String logPath, NetworkAttachment network,
                              Map<String, String> environment, HealthState health,
                              Map<String, NetworkConnection> connected) {
    /**
     * 2 added {@link #environment}; 3 added the spec's option records ({@link ContainerSpec#process()}, mounts,
     * resources, ...), which older records read as defaults. Older versions are migrated on read; an older engine
     * refuses a version 3 record rather than run the container without the options it would not see.
     */
    public static final int SCHEMA_VERSION = 3;

    /** A record connected to no further network. */
    public ContainerRecord(int schemaVersion, String id, String name, Instant created, ContainerSpec spec,
                           String imageId, RunState state, int restartCount, String storageDriver, String rootfs,
                           String bundleDir, String logPath, NetworkAttachment network,
                           Map<String, String> environment, HealthState health) {
        this(schemaVersion, id, name, created, spec, imageId, state, restartCount, storageDriver, rootfs, bundleDir,
                logPath, network, environment, health, null);
    }

    /** A record that was never health-probed. */
    public ContainerRecord(int schemaVersion, String id, String name, Instant created, ContainerSpec spec,
                           String imageId, RunState state, int restartCount, String storageDriver, String rootfs,
                           String bundleDir, String logPath, NetworkAttachment network,
                           Map<String, String> environment) {
        this(schemaVersion, id, name, created, spec, imageId, state, restartCount, storageDriver, rootfs, bundleDir,
                logPath, network, environment, null);
    }

    public ContainerRecord {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        connected = connected == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(connected));
    }

    /** The same container with {@code connections} as its further networks (complete, not a difference). */
    public ContainerRecord withConnected(Map<String, NetworkConnection> connections) {
        return new ContainerRecord(schemaVersion, id, name, created, spec, imageId, state, restartCount,
                storageDriver, rootfs, bundleDir, logPath, network, environment, health, connections);
    }

    public ContainerRecord withState(RunState newState) {
        return new ContainerRecord(schemaVersion, id, name, created, spec, imageId, newState, restartCount,
                storageDriver, rootfs, bundleDir, logPath, network, environment, health, connected);
    }

    /** The same container under a new name ({@code spec} keeps the name it was created with). */
    public ContainerRecord withName(String newName) {
        return new ContainerRecord(schemaVersion, id, newName, created, spec, imageId, state, restartCount,
                storageDriver, rootfs, bundleDir, logPath, network, environment, health, connected);
    }

    /** The same container with what it asks for changed ({@code docker update}). */
    public ContainerRecord withSpec(ContainerSpec newSpec) {
        return new ContainerRecord(schemaVersion, id, name, created, newSpec, imageId, state, restartCount,
                storageDriver, rootfs, bundleDir, logPath, network, environment, health, connected);
    }

    public ContainerRecord withRestartCount(int count) {
        return new ContainerRecord(schemaVersion, id, name, created, spec, imageId, state, count,
                storageDriver, rootfs, bundleDir, logPath, network, environment, health, connected);
    }

    /** The same container, now accepted under {@code current} settings (an operator adopted it across a change). */
    public ContainerRecord withEnvironment(Map<String, String> current) {
        return new ContainerRecord(schemaVersion, id, name, created, spec, imageId, state, restartCount,
                storageDriver, rootfs, bundleDir, logPath, network, current, health, connected);
    }

    /** The same container with {@code newHealth} as its health. */
    public ContainerRecord withHealth(HealthState newHealth) {
        return new ContainerRecord(schemaVersion, id, name, created, spec, imageId, state, restartCount,
                storageDriver, rootfs, bundleDir, logPath, network, environment, newHealth, connected);
    }

    public String shortId() {
        return id.substring(0, 12);
    }
}
