package io.holdfast.supervisor.containers;

import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.network.NetworkBridge;
import io.holdfast.spi.storage.StorageDriver;
import java.util.Map;
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

    private static String names(Map<String, ?> plugins) {
        return plugins.isEmpty() ? "none" : String.join(", ", new TreeSet<>(plugins.keySet()));
    }
}
