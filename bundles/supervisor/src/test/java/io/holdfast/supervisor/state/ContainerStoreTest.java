package io.holdfast.supervisor.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.MountSpec;
import io.holdfast.spi.container.NamingOptions;
import io.holdfast.spi.container.ProcessOptions;
import io.holdfast.spi.container.ResourceLimits;
import io.holdfast.spi.container.RestartPolicy;
import io.holdfast.spi.container.SecurityOptions;
import io.holdfast.spi.container.Ulimit;
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
    void aHealthCheckAndItsStatusStreakAndLogComeBackEqual() throws IOException {
        ContainerStore store = new ContainerStore(root);
        var check = new io.holdfast.spi.container.HealthConfig(java.util.List.of("CMD-SHELL", "true"),
                java.time.Duration.ofMillis(1500), null, java.time.Duration.ofSeconds(60), null, 2);
        Instant started = Instant.parse("2026-11-25T10:00:00Z");
        var health = new io.holdfast.spi.container.HealthState("unhealthy", 4, java.util.List.of(
                new io.holdfast.spi.container.HealthProbe(started.plusSeconds(1), started.plusMillis(1200), -1,
                        "Health check exceeded timeout (30s)")), started);
        ContainerRecord base = record("c".repeat(64));
        ContainerRecord record = base.withSpec(base.spec().withHealthcheck(check)).withHealth(health);
        store.save(record);
        assertEquals(java.util.List.of(record), new ContainerStore(root).loadAll());
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
        assertEquals(new ContainerSpec(migrated.spec().name(), migrated.spec().image(), migrated.spec().cmd(),
                migrated.spec().env(), migrated.spec().restartPolicy(), migrated.spec().autoRemove(),
                migrated.spec().networkMode(), migrated.spec().runtime(), migrated.spec().stopTimeoutSeconds()),
                migrated.spec(), "a record from before the options reads as one with every option at its default");
    }

    @Test
    void everyCreateOptionSurvivesSaveAndLoad() throws IOException {
        ContainerRecord plain = record("f".repeat(64));
        ContainerSpec base = plain.spec();
        ContainerSpec spec = new ContainerSpec(base.name(), base.image(), base.cmd(), base.env(), base.restartPolicy(),
                false, base.networkMode(), base.runtime(), 3,
                new ProcessOptions(List.of("/bin/sh", "-c"), "/srv", "app:staff", "USR1", true,
                        List.of(new Ulimit("nofile", 10, 20))),
                new NamingOptions("web", "example.org", List.of("db:10.0.0.5"), List.of("10.0.0.1"),
                        List.of("example.org"), List.of("ndots:2"), List.of("api", "db")),
                List.of(new MountSpec(MountSpec.Type.BIND, "/srv/x", "/x", true, List.of("rshared")),
                        new MountSpec(MountSpec.Type.TMPFS, "", "/run", false, List.of("size=1m"))),
                new ResourceLimits(64L << 20, -1, 500_000_000L, 512, 0, 0, 50),
                new SecurityOptions(List.of("NET_ADMIN"), List.of("ALL"), true, true),
                java.util.Map.of("tier", "web"));
        ContainerRecord record = new ContainerRecord(plain.schemaVersion(), plain.id(), plain.name(), plain.created(),
                spec, plain.imageId(), plain.state(), plain.restartCount(), plain.storageDriver(), plain.rootfs(),
                plain.bundleDir(), plain.logPath(), plain.network(), plain.environment());
        new ContainerStore(root).save(record);
        assertEquals(List.of(record), new ContainerStore(root).loadAll());
    }

    @Test
    void newerSchemaIsLeftAloneAndReportedNotGuessed() throws IOException {
        Path dir = Files.createDirectories(root.resolve("d".repeat(64)));
        Files.writeString(dir.resolve("state.json"), "{\"schemaVersion\": 99, \"id\": \"x\"}");
        ContainerRecord good = record("a".repeat(64));
        new ContainerStore(root).save(good);
        ContainerStore.Loaded loaded = new ContainerStore(root).load();
        assertEquals(List.of(good), loaded.records());
        String why = loaded.unreadable().get("d".repeat(64));
        assertTrue(why.contains("schema version 99 is newer than this engine understands"), why);
        assertTrue(Files.exists(dir.resolve("state.json")), "a newer engine's record is not ours to move");
    }

    /** Issue 14: one corrupt state.json made loading throw, so the supervisor never activated and the API never opened. */
    @Test
    void corruptRecordIsMovedAsideAndReportedAndTheOthersLoad() throws IOException {
        ContainerRecord good = record("a".repeat(64));
        new ContainerStore(root).save(good);
        Path dir = Files.createDirectories(root.resolve("c".repeat(64)));
        Files.writeString(dir.resolve("state.json"), "{\"schemaVersion\": 3, \"id\": ");

        ContainerStore.Loaded loaded = new ContainerStore(root).load();
        assertEquals(List.of(good), loaded.records());
        String why = loaded.unreadable().get("c".repeat(64));
        assertTrue(why.contains("is unreadable") && why.contains("moved to " + dir.resolve("state.json.corrupt")),
                why);
        assertFalse(Files.exists(dir.resolve("state.json")));
        assertEquals("{\"schemaVersion\": 3, \"id\": ", Files.readString(dir.resolve("state.json.corrupt")));

        ContainerStore.Loaded again = new ContainerStore(root).load();
        assertEquals(List.of(good), again.records());
        assertTrue(again.unreadable().get("c".repeat(64)).contains("kept at " + dir.resolve("state.json.corrupt")),
                "reported at every start until the operator deals with it");
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
