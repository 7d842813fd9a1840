package io.holdfast.supervisor.containers;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.supervisor.state.ContainerStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine's view of every container: records in memory, each change saved through the {@link ContainerStore}
 * before it becomes visible, and one lock per container so operations on it are serialised.
 */
final class ContainerTable {
    private final ContainerStore store;
    private final Map<String, ContainerRecord> records = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    ContainerTable(ContainerStore store, List<ContainerRecord> loaded) {
        this.store = store;
        loaded.forEach(r -> records.put(r.id(), r));
    }

    ContainerStore store() {
        return store;
    }

    List<ContainerRecord> all() {
        return records.values().stream().sorted(Comparator.comparing(ContainerRecord::created).reversed()).toList();
    }

    /**
     * Every record, in no order and without copying: for rounds that visit them all without showing them (the health
     * checks' ten a second), where sorting a thousand records each time made garbage for nothing.
     */
    java.util.Collection<ContainerRecord> unordered() {
        return java.util.Collections.unmodifiableCollection(records.values());
    }

    ContainerRecord byId(String id) {
        ContainerRecord record = records.get(id);
        if (record == null) {
            throw new EngineException(Kind.NOT_FOUND, "No such container: " + id);
        }
        return record;
    }

    /** The record of {@code id} if there is one, without a lock: a snapshot that may be outdated at once. */
    java.util.Optional<ContainerRecord> find(String id) {
        return java.util.Optional.ofNullable(records.get(id));
    }

    boolean contains(String id) {
        return records.containsKey(id);
    }

    /** Resolves what Docker accepts: a full id, a name (with or without the leading slash), a unique id prefix. */
    ContainerRecord resolve(String ref) {
        if (ref == null || ref.isEmpty()) {
            throw new EngineException(Kind.INVALID, "a container name or id is required");
        }
        ContainerRecord exact = records.get(ref);
        if (exact != null) {
            return exact;
        }
        String name = ref.startsWith("/") ? ref.substring(1) : ref;
        for (ContainerRecord record : records.values()) {
            if (record.name().equals(name)) {
                return record;
            }
        }
        List<ContainerRecord> prefixed = records.values().stream().filter(r -> r.id().startsWith(ref)).toList();
        if (prefixed.size() > 1) {
            throw new EngineException(Kind.INVALID, "multiple containers found with provided prefix: " + ref);
        }
        if (prefixed.isEmpty()) {
            throw new EngineException(Kind.NOT_FOUND, "No such container: " + ref);
        }
        return prefixed.get(0);
    }

    /** The container using {@code name}, if any. */
    java.util.Optional<ContainerRecord> byName(String name) {
        return records.values().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Saves, then publishes: readers never see a state that a crash would lose. */
    void put(ContainerRecord record) {
        store.save(record);
        records.put(record.id(), record);
    }

    void remove(String id) throws java.io.IOException {
        store.delete(id);
        records.remove(id);
        locks.remove(id);
    }

    ReentrantLock lock(String id) {
        return locks.computeIfAbsent(id, k -> new ReentrantLock());
    }
}
