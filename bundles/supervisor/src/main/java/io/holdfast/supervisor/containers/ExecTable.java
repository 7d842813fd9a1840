package io.holdfast.supervisor.containers;

import io.holdfast.spi.container.ExecRecord;
import io.holdfast.supervisor.state.ExecStore;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every exec the engine knows: records in memory, each change saved through the {@link ExecStore} before it becomes
 * visible, and one lock object per exec so that starting it, applying its exit and reading it are serialised.
 */
final class ExecTable {
    private final ExecStore store;
    private final Map<String, ExecRecord> records = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    ExecTable(ExecStore store, List<ExecRecord> loaded) {
        this.store = store;
        loaded.forEach(r -> records.put(r.id(), r));
    }

    ExecStore store() {
        return store;
    }

    Optional<ExecRecord> get(String id) {
        return Optional.ofNullable(records.get(id));
    }

    List<ExecRecord> all() {
        return List.copyOf(records.values());
    }

    List<ExecRecord> of(String containerId) {
        return records.values().stream().filter(r -> r.containerId().equals(containerId)).toList();
    }

    /** Saves, then publishes. */
    void put(ExecRecord record) {
        store.save(record);
        records.put(record.id(), record);
    }

    /** Forgets an exec in memory only: its container's directory, which held its files, is already gone. */
    void drop(String id) {
        records.remove(id);
        locks.remove(id);
    }

    /** Forgets an exec and deletes its files. */
    void delete(ExecRecord record) throws IOException {
        store.delete(record);
        drop(record.id());
    }

    Object lock(String id) {
        return locks.computeIfAbsent(id, k -> new Object());
    }
}
