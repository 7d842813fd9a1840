package io.holdfast.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.RunState;
import io.holdfast.spi.restore.PluginCheck;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockersTest {
    private static final Map<String, String> BRIDGE_NOW = Map.of("bridge", "holdfast0", "subnet", "10.1.0.0/24",
            "gateway", "10.1.0.1", "mtu", "1500");
    private static final List<PluginCheck> INSTALLED = List.of(
            new PluginCheck("storage", "overlay", true, "installed", Map.of()),
            new PluginCheck("network", "bridge", true, "installed", BRIDGE_NOW));

    private static DaemonConfig config(String storageDriver) {
        return new DaemonConfig(null, true, "/var/lib/holdfast", "/run/holdfast", List.of("unix:///x.sock"), "runc",
                Map.of(), storageDriver, false, 15, "k8s-file", 0);
    }

    private static ContainerRecord record(String driver, String network, Map<String, String> environment) {
        return new ContainerRecord(ContainerRecord.SCHEMA_VERSION, "a".repeat(64), "web", Instant.EPOCH,
                new ContainerSpec("web", "busybox", List.of(), List.of(), null, false, network, "runc", 10),
                "sha256:x", RunState.created(), 0, driver, "/r", "/b", "/l", null, environment);
    }

    private static Map<String, String> createdUnder(String driver, Map<String, String> bridge) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("data-root", "/var/lib/holdfast",
                "storage-driver", driver));
        bridge.forEach((k, v) -> env.put("network." + k, v));
        return env;
    }

    @Test
    void aContainerCreatedUnderTodaysSettingsHasNoBlocker() {
        Blockers blockers = new Blockers(INSTALLED, config("overlay"));
        assertNull(blockers.of(record("overlay", "bridge", createdUnder("overlay", BRIDGE_NOW))));
    }

    @Test
    void aChangedStorageDriverBlocksWithBothNames() {
        String why = new Blockers(INSTALLED, config("vfs"))
                .of(record("overlay", "bridge", createdUnder("overlay", BRIDGE_NOW)));
        assertTrue(why.contains("storage-driver was overlay, now vfs"), why);
    }

    @Test
    void aChangedBridgeSubnetBlocksWithBothSubnets() {
        Map<String, String> before = new java.util.HashMap<>(BRIDGE_NOW);
        before.put("subnet", "10.9.0.0/24");
        before.put("gateway", "10.9.0.1");
        String why = new Blockers(INSTALLED, config("overlay")).of(record("overlay", "bridge",
                createdUnder("overlay", before)));
        assertTrue(why.contains("network.subnet was 10.9.0.0/24, now 10.1.0.0/24"), why);
        assertTrue(why.contains("network.gateway was 10.9.0.1, now 10.1.0.1"), why);
    }

    @Test
    void aMissingPluginIsNamedBeforeAnySettingIsCompared() {
        Blockers blockers = new Blockers(INSTALLED, config("overlay"));
        ContainerRecord record = record("zfs", "macvlan", Map.of("storage-driver", "zfs"));
        assertEquals("storage driver zfs and network macvlan not installed", blockers.missingPlugins(record));
        assertTrue(blockers.of(record).startsWith("storage driver zfs and network macvlan not installed; left"));
    }

    @Test
    void theEnvironmentNowIsWhatAnAdoptionRecords() {
        Map<String, String> now = new Blockers(INSTALLED, config("overlay"))
                .environmentNow(record("overlay", "bridge", Map.of()));
        Map<String, String> expected = new java.util.HashMap<>(createdUnder("overlay", BRIDGE_NOW));
        expected.put("exec-root", "/run/holdfast");
        assertEquals(expected, now);
    }

    /**
     * Issue 14: an engine started with another exec-root than the one its containers' monitors live in found no
     * monitor and marked every running container lost, though every one still ran.
     */
    @Test
    void aChangedExecRootBlocksAndSaysWhereTheMonitorLives() {
        Map<String, String> startedUnder = new java.util.HashMap<>(createdUnder("overlay", BRIDGE_NOW));
        startedUnder.put("exec-root", "/run/holdfast-old");
        String why = new Blockers(INSTALLED, config("overlay")).of(record("overlay", "bridge", startedUnder));
        assertTrue(why.contains("exec-root was /run/holdfast-old, now /run/holdfast"), why);
        assertTrue(why.contains("start the engine with that exec-root to adopt it"), why);
    }

    @Test
    void aRecordFromBeforeExecRootsWereRecordedIsNotBlocked() {
        assertNull(new Blockers(INSTALLED, config("overlay"))
                .of(record("overlay", "bridge", createdUnder("overlay", BRIDGE_NOW))));
    }
}
