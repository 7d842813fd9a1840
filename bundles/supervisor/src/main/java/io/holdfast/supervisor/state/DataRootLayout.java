package io.holdfast.supervisor.state;

import io.holdfast.spi.config.DaemonConfig;
import java.nio.file.Path;

/**
 * The supervisor's part of the data root. Each other part belongs to the one bundle that reads and writes it, and
 * is spelled out only there: {@code images/} ({@code ImageLayout}, images), {@code events.log} and
 * {@code engine.log.N} (logging), {@code engine-id} (api-routes), {@code holdfastd.pid} (config),
 * {@code network/<plugin>/} (each network plugin). The exec root is the shim's ({@code MonitorLayout}).
 * {@code ports/} is the supervisor's own, written by {@code supervisor.ports.ForwarderFiles}.
 *
 * <pre>{@code
 * DataRootLayout layout = DataRootLayout.of(config);
 * Path state = layout.containers();                  // <data-root>/containers/<id>/state.json, config.json, ...
 * Path home = layout.storageHome("overlay");         // <data-root>/storage/overlay, the driver's own directory
 * Path volumes = layout.volumeHome("local");         // <data-root>/volumes/<name>/_data, the local volume driver's
 * }</pre>
 *
 * @param root the data root, {@code data-root} in daemon.json (a restart changes it, never a reload)
 */
public record DataRootLayout(Path root) {
    public static DataRootLayout of(DaemonConfig config) {
        return new DataRootLayout(Path.of(config.dataRoot()));
    }

    /** One directory per container: its record, OCI bundle, hosts files and log ({@link ContainerStore}). */
    public Path containers() {
        return root.resolve("containers");
    }

    /** The published ports' forwarder records, one file per container ({@code supervisor.ports.ForwarderFiles}). */
    public Path ports() {
        return root.resolve("ports");
    }

    /** The storage drivers' homes, one directory each; a restore hands each driver its own. */
    public Path storage() {
        return root.resolve("storage");
    }

    /** The engine's record of each volume, one {@code <name>.json} each (the drivers keep the data). */
    public Path volumeRecords() {
        return root.resolve("volume-records");
    }

    /**
     * The directory a volume driver keeps its volumes in: {@code volumes/} for {@code local}, where Docker keeps
     * its ({@code volumes/<name>/_data}), {@code volume-drivers/<name>} for any other.
     */
    public Path volumeHome(String driver) {
        return driver.equals("local") ? root.resolve("volumes") : root.resolve("volume-drivers").resolve(driver);
    }

    /** The directory a storage driver keeps its containers' root filesystems in. */
    public Path storageHome(String driver) {
        return storage().resolve(driver);
    }
}
