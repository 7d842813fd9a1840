package io.holdfast.supervisor.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.RestartPolicy;
import io.holdfast.spi.container.RunState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ContainerStoreTest {
    @TempDir
    Path root;

    public static ContainerRecord record(String id) {
        return new ContainerRecord(ContainerRecord.SCHEMA_VERSION, id, "web", Instant.parse("2026-11-25T10:00:00Z"),
                new ContainerSpec("web", "busybox", List.of("sleep", "1"), List.of("A=1"),
                        RestartPolicy.parse("on-failure:3"), false, "none", "runc", 10),
                "sha256:abc", RunState.created().started(42, 41, Instant.parse("2026-11-25T10:00:01Z")), 2, "vfs",
                "/r", "/b", "/l", new io.holdfast.spi.network.NetworkAttachment("none", null, java.util.Map.of()),
                java.util.Map.of("data-root", "/var/lib/holdfast", "storage-driver", "vfs"));
    }

    @Test
    void savedRecordsComeBackEqual() throws IOException {
        ContainerStore store = new ContainerStore(root);
        ContainerRecord record = record("a".repeat(64));
        store.save(record);
        assertEquals(List.of(record), new ContainerStore(root).loadAll());
    }

    @Test
    void saveReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        ContainerStore store = new ContainerStore(root);
        ContainerRecord record = record("b".repeat(64));
        store.save(record);
        store.save(record.withState(record.state().exited(3, Instant.parse("2026-11-25T10:00:05Z"), "")));
        assertEquals(3, store.loadAll().get(0).state().exitCode());
        try (Stream<Path> files = Files.list(store.dir(record.id()))) {
            assertEquals(List.of("state.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void directoryWithoutStateIsAnInterruptedCreateAndIsSkipped() throws IOException {
        Files.createDirectories(root.resolve("c".repeat(64)));
        assertTrue(new ContainerStore(root).loadAll().isEmpty());
    }

    /** The fixture is a state.json the schema-1 engine (commit de0edd3) wrote for a running bridge container. */
    @Test
    void schemaOneRecordIsMigratedWithTheEnvironmentItRanUnder() throws IOException {
        String id = "e3313bce80bea160e3c873387f9f0d381d84608494198db33b152cb1d8cf6ed7";
        Path containers = root.resolve("data/containers");
        try (var fixture = getClass().getResourceAsStream("/state/schema-1-bridge.json")) {
            Files.createDirectories(containers.resolve(id));
            Files.copy(fixture, containers.resolve(id).resolve("state.json"));
        }
        ContainerRecord migrated = new ContainerStore(containers).loadAll().get(0);
        assertEquals(ContainerRecord.SCHEMA_VERSION, migrated.schemaVersion());
        assertEquals("v1web", migrated.name());
        assertEquals(21929, migrated.state().pid());
        assertEquals(java.util.Map.of("data-root", root.resolve("data").toString(), "storage-driver", "overlay",
                "network.subnet", "10.219.7.0/24", "network.gateway", "10.219.7.1"), migrated.environment());
    }

    @Test
    void newerSchemaIsRefusedNotGuessed() throws IOException {
        Path dir = Files.createDirectories(root.resolve("d".repeat(64)));
        Files.writeString(dir.resolve("state.json"), "{\"schemaVersion\": 99, \"id\": \"x\"}");
        String message = assertThrows(IOException.class, () -> new ContainerStore(root).loadAll()).getMessage();
        assertTrue(message.contains("schema version 99 is newer than this engine understands"), message);
    }

    @Test
    void deleteRemovesEverythingOfTheContainer() throws IOException {
        ContainerStore store = new ContainerStore(root);
        ContainerRecord record = record("e".repeat(64));
        store.save(record);
        Files.writeString(store.dir(record.id()).resolve("container.log"), "x");
        store.delete(record.id());
        assertFalse(Files.exists(store.dir(record.id())));
    }
}
