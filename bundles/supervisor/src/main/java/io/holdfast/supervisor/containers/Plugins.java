package io.holdfast.supervisor.containers;

import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.network.NetworkBridge;
import io.holdfast.spi.storage.StorageDriver;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.network.NetworkAttachment;
import io.holdfast.spi.restore.PluginCheck;
import java.io.IOException;
import io.holdfast.supervisor.state.DataRootLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The storage drivers and network bridges currently registered, by name, and what each said at its restore; plugins
 * come and go at any time, and each one that arrives is restored exactly once.
 */
final class Plugins {
    private final Map<String, StorageDriver> drivers = new ConcurrentHashMap<>();
    private final Map<String, NetworkBridge> networks = new ConcurrentHashMap<>();
    private final Map<String, io.holdfast.spi.volume.VolumeDriver> volumeDrivers = new ConcurrentHashMap<>();
    /** By plugin instance: a new revision of a plugin is a new instance and gets its own restore. */
    private final Map<Object, PluginCheck> restored = new java.util.IdentityHashMap<>();

    void add(StorageDriver driver) {
        drivers.put(driver.name(), driver);
    }

    void remove(StorageDriver driver) {
        drivers.remove(driver.name(), driver);
        forget(driver);
    }

    void add(NetworkBridge bridge) {
        networks.put(bridge.name(), bridge);
    }

    void remove(NetworkBridge bridge) {
        networks.remove(bridge.name(), bridge);
        forget(bridge);
    }

    void add(io.holdfast.spi.volume.VolumeDriver driver) {
        volumeDrivers.put(driver.name(), driver);
    }

    void remove(io.holdfast.spi.volume.VolumeDriver driver) {
        volumeDrivers.remove(driver.name(), driver);
        forget(driver);
    }

    io.holdfast.spi.volume.VolumeDriver volumeDriver(String name) {
        io.holdfast.spi.volume.VolumeDriver driver = volumeDrivers.get(name);
        if (driver == null) {
            throw new EngineException(Kind.FAILED, "volume driver \"" + name + "\" is not installed; installed: "
                    + names(volumeDrivers));
        }
        return driver;
    }

    private void forget(Object plugin) {
        synchronized (restored) {
            restored.remove(plugin);
        }
    }

    /** Whether the storage driver and the network the container was made with are both installed. */
    boolean installedFor(ContainerRecord record) {
        return drivers.containsKey(record.storageDriver()) && networks.containsKey(record.spec().networkMode())
                && VolumeRestore.driversOf(record).stream().allMatch(volumeDrivers::containsKey);
    }

    /** Docker's rule: bridge when a bridge network is installed, else none. */
    String defaultNetwork() {
        return networks.containsKey("bridge") ? "bridge" : "none";
    }

    StorageDriver driver(String name) {
        StorageDriver driver = drivers.get(name);
        if (driver == null) {
            throw new EngineException(Kind.FAILED, "storage driver \"" + name + "\" is not available; installed: "
                    + names(drivers));
        }
        return driver;
    }

    NetworkBridge network(String name) {
        NetworkBridge bridge = networks.get(name);
        if (bridge == null) {
            throw new EngineException(Kind.INVALID, "network " + name + " not found; available: " + names(networks));
        }
        return bridge;
    }

    /** Every installed plugin with its settings, touching nothing: what a plan, as opposed to a restore, needs. */
    List<PluginCheck> installed() {
        List<PluginCheck> checks = new ArrayList<>();
        drivers.values().stream().sorted(java.util.Comparator.comparing(StorageDriver::name)).forEach(driver ->
                checks.add(new PluginCheck("storage", driver.name(), true, "installed", driver.settings())));
        networks.values().stream().sorted(java.util.Comparator.comparing(NetworkBridge::name)).forEach(bridge ->
                checks.add(new PluginCheck("network", bridge.name(), true, "installed", bridge.settings())));
        volumeDrivers.values().stream().sorted(java.util.Comparator.comparing(io.holdfast.spi.volume.VolumeDriver::name))
                .forEach(driver -> checks.add(new PluginCheck(VolumeRestore.KIND, driver.name(), true, "installed",
                        Map.of())));
        return checks;
    }

    /**
     * Runs the restore of every plugin that arrived since its last one, with the containers that use it; returns what
     * every installed plugin said at its restore. {@code orphans}, the containers monitors hold that no record knows,
     * are listed too, so no plugin sweeps away what they run on before the operator has decided about them; they are
     * looked up (which lists every runtime) only if some plugin is to be restored, and once.
     */
    List<PluginCheck> restoreArrived(List<ContainerRecord> records, Supplier<Set<String>> orphanLookup,
                                     DataRootLayout layout) {
        return restoreArrived(records, orphanLookup, layout, null);
    }

    /** As above, and every volume driver that arrived, with its volumes; {@code volumes} null: none. */
    List<PluginCheck> restoreArrived(List<ContainerRecord> records, Supplier<Set<String>> orphanLookup,
                                     DataRootLayout layout, VolumeRestore volumes) {
        List<PluginCheck> checks = new ArrayList<>();
        Supplier<Set<String>> orphans = memoized(orphanLookup);
        synchronized (restored) {
            drivers.values().stream().sorted(java.util.Comparator.comparing(StorageDriver::name))
                    .forEach(driver -> checks.add(once(driver, () -> restore(driver, records, orphans.get(), layout))));
            networks.values().stream().sorted(java.util.Comparator.comparing(NetworkBridge::name))
                    .forEach(bridge -> checks.add(once(bridge, () -> restore(bridge, records, orphans.get()))));
            volumeDrivers.values().stream().filter(driver -> volumes != null).sorted(java.util.Comparator.comparing(
                    io.holdfast.spi.volume.VolumeDriver::name))
                    .forEach(driver -> checks.add(once(driver, () -> volumes.restore(driver, layout))));
        }
        return checks;
    }

    private static <T> Supplier<T> memoized(Supplier<T> lookup) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = lookup.get();
                }
                return value;
            }
        };
    }

    /** The plugin's check from its restore, restoring it first if it has not been; a failed restore is tried again. */
    private PluginCheck once(Object plugin, Supplier<PluginCheck> restore) {
        PluginCheck check = restored.get(plugin);
        if (check == null) {
            check = restore.get();
            if (check.ok()) {
                restored.put(plugin, check);
            }
        }
        return check;
    }

    /**
     * One driver's restore with the containers it holds: those recorded with it, and orphans that have a directory
     * in its home (drivers keep each container under {@code <home>/<id>}; an orphan's driver is not recorded).
     */
    static PluginCheck restore(StorageDriver driver, List<ContainerRecord> records, Set<String> orphans,
                               DataRootLayout layout) {
        Path home = layout.storageHome(driver.name());
        Set<String> ids = records.stream().filter(r -> r.storageDriver().equals(driver.name()))
                .map(ContainerRecord::id).collect(Collectors.toSet());
        orphans.stream().filter(id -> java.nio.file.Files.exists(home.resolve(id)))
                .forEach(ids::add);
        try {
            driver.restore(ids, home);
            return new PluginCheck("storage", driver.name(), true, ids.size() + " container(s)", driver.settings());
        } catch (IOException | RuntimeException e) {
            return new PluginCheck("storage", driver.name(), false, String.valueOf(e.getMessage()),
                    driver.settings());
        }
    }

    /** One bridge's restore with the attachments of its containers, and the orphans' (unknown, so null). */
    static PluginCheck restore(NetworkBridge bridge, List<ContainerRecord> records, Set<String> orphans) {
        Map<String, NetworkAttachment> attachments = new HashMap<>();
        orphans.forEach(id -> attachments.put(id, null));
        records.stream().filter(r -> r.network() != null && r.spec().networkMode().equals(bridge.name()))
                .forEach(r -> attachments.put(r.id(), r.network()));
        // containers connected to it as a further network: the bridge must keep their interfaces and leases too
        records.stream().filter(r -> r.connected().containsKey(bridge.name()))
                .forEach(r -> attachments.put(r.id(), r.connected().get(bridge.name()).attachment()));
        try {
            bridge.restore(attachments);
            return new PluginCheck("network", bridge.name(), true, attachments.size() + " container(s)",
                    bridge.settings());
        } catch (IOException | RuntimeException e) {
            return new PluginCheck("network", bridge.name(), false, String.valueOf(e.getMessage()),
                    bridge.settings());
        }
    }

    private static String names(Map<String, ?> plugins) {
        return plugins.isEmpty() ? "none" : String.join(", ", new TreeSet<>(plugins.keySet()));
    }
}
