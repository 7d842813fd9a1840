package io.holdfast.supervisor.containers;

import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.network.NetworkBridge;
import io.holdfast.spi.storage.StorageDriver;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.network.NetworkAttachment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** The storage drivers and network bridges currently registered, by name; plugins come and go at any time. */
final class Plugins {
    private final Map<String, StorageDriver> drivers = new ConcurrentHashMap<>();
    private final Map<String, NetworkBridge> networks = new ConcurrentHashMap<>();

    void add(StorageDriver driver) {
        drivers.put(driver.name(), driver);
    }

    void remove(StorageDriver driver) {
        drivers.remove(driver.name(), driver);
    }

    void add(NetworkBridge bridge) {
        networks.put(bridge.name(), bridge);
    }

    void remove(NetworkBridge bridge) {
        networks.remove(bridge.name(), bridge);
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

    /** Runs every plugin's restore with the containers that use it; returns the failures, one line each. */
    List<String> restore(List<ContainerRecord> records, Path storageHome) {
        List<String> failures = new ArrayList<>();
        drivers.values().forEach(driver -> restore(driver, records, storageHome).ifPresent(failures::add));
        networks.values().forEach(bridge -> restore(bridge, records).ifPresent(failures::add));
        return failures;
    }

    /** One driver's restore with the containers it holds; the failure, if any. */
    static Optional<String> restore(StorageDriver driver, List<ContainerRecord> records, Path storageHome) {
        Set<String> ids = records.stream().filter(r -> r.storageDriver().equals(driver.name()))
                .map(ContainerRecord::id).collect(Collectors.toSet());
        try {
            driver.restore(ids, storageHome.resolve(driver.name()));
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("storage driver " + driver.name() + ": " + e.getMessage());
        }
    }

    /** One bridge's restore with the attachments of its containers; the failure, if any. */
    static Optional<String> restore(NetworkBridge bridge, List<ContainerRecord> records) {
        Map<String, NetworkAttachment> attachments = new HashMap<>();
        records.stream().filter(r -> r.network() != null && r.spec().networkMode().equals(bridge.name()))
                .forEach(r -> attachments.put(r.id(), r.network()));
        try {
            bridge.restore(attachments);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("network " + bridge.name() + ": " + e.getMessage());
        }
    }

    private static String names(Map<String, ?> plugins) {
        return plugins.isEmpty() ? "none" : String.join(", ", new TreeSet<>(plugins.keySet()));
    }
}
