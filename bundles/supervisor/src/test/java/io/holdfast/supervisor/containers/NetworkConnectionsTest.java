package io.holdfast.supervisor.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.RunState;
import io.holdfast.spi.network.NetworkAttachment;
import io.holdfast.spi.network.NetworkBridge;
import io.holdfast.supervisor.state.ContainerStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order that makes a kill -9 harmless: a connection is on disk only once the bridge built it, and off disk before
 * the bridge removes it; every restore then hands each bridge exactly the recorded connections.
 */
class NetworkConnectionsTest {
    private static final String ID = "ab".repeat(32);

    @TempDir
    Path dir;

    private final Plugins plugins = new Plugins();
    private ContainerTable table;
    private ContainerStore store;
    private RecordingBridge back;
    private NetworkConnections connections;

    @BeforeEach
    void setUp() throws IOException {
        store = new ContainerStore(dir);
        table = new ContainerTable(store, List.of());
        table.put(new ContainerRecord(ContainerRecord.SCHEMA_VERSION, ID, "app", Instant.EPOCH,
                new ContainerSpec("app", "busybox", List.of(), List.of(), null, false, "front", "runc", 10),
                "sha256:x", RunState.created(), 0, "vfs", "/r", dir.toString(), "/l",
                new NetworkAttachment("front", "/run/netns/holdfast-" + ID.substring(0, 12),
                        Map.of("IPAddress", "10.1.0.2", "NetworkID", "f")), Map.of()));
        back = new RecordingBridge("back");
        plugins.add(back);
        plugins.add(new RecordingBridge("front"));
        connections = new NetworkConnections(table, plugins, new Object());
    }

    @Test
    void aConnectionIsRecordedOnlyAfterTheBridgeBuiltItAndHandedBackAtEveryRestore() throws IOException {
        back.onConnect = () -> assertTrue(onDisk().connected().isEmpty(), "not on disk while the bridge builds it");
        connections.connect(ID, "back", List.of("api"), "10.2.0.9");

        ContainerRecord saved = store.loadAll().get(0);
        assertEquals(List.of("api"), saved.connected().get("back").aliases());
        assertEquals("eth1", saved.connected().get("back").attachment().settings().get("Interface"));
        assertEquals("10.2.0.9", saved.connected().get("back").attachment().settings().get("IPAddress"));
        assertEquals(List.of("connect " + ID + " /run/netns/holdfast-" + ID.substring(0, 12) + " 10.2.0.9"),
                back.calls);

        Plugins.restore(back, store.loadAll(), java.util.Set.of());
        assertEquals(saved.connected().get("back").attachment(), back.restored.get(ID), "a restore keeps it");
    }

    @Test
    void aDisconnectForgetsTheConnectionBeforeTheBridgeRemovesIt() throws IOException {
        connections.connect(ID, "back", List.of(), "");
        back.onDisconnect = () -> assertTrue(onDisk().connected().isEmpty(), "off disk before the bridge removes it");
        connections.disconnect(ID, "back");
        assertEquals("disconnect " + ID, back.calls.get(back.calls.size() - 1));
        Plugins.restore(back, store.loadAll(), java.util.Set.of());
        assertEquals(Map.of(), back.restored, "a restore after a cut-short disconnect lists nothing: the bridge sweeps");
    }

    @Test
    void refusalsSayWhyAndChangeNothing() throws IOException {
        assertEquals(Kind.FORBIDDEN, kind(() -> connections.connect(ID, "front", List.of(), "")),
                "the first network: Docker's endpoint exists");
        assertEquals(Kind.INVALID, kind(() -> connections.connect(ID, "host", List.of(), "")));
        assertEquals(Kind.INVALID, kind(() -> connections.connect(ID, "back", List.of("no spaces"), "")));
        back.refusal = new IllegalStateException("Address already in use: 10.2.0.9");
        assertEquals(Kind.CONFLICT, kind(() -> connections.connect(ID, "back", List.of(), "10.2.0.9")));
        back.refusal = new IllegalArgumentException("address 10.9.0.9 is not in subnet 10.2.0.0/24");
        assertEquals(Kind.INVALID, kind(() -> connections.connect(ID, "back", List.of(), "10.9.0.9")));
        assertEquals(Kind.CONFLICT, kind(() -> connections.disconnect(ID, "back")), "not connected");
        assertEquals(Kind.INVALID, kind(() -> connections.disconnect(ID, "front")), "its first network");
        assertTrue(store.loadAll().get(0).connected().isEmpty());
    }

    @Test
    void removalDisconnectsEveryConnectedNetwork() {
        ContainerRecord connected = connections.connect(ID, "back", List.of(), "");
        NetworkConnections.disconnectAll(plugins, connected);
        assertEquals("disconnect " + ID, back.calls.get(back.calls.size() - 1));
    }

    private ContainerRecord onDisk() {
        try {
            return store.loadAll().get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Kind kind(Runnable call) {
        return assertThrows(EngineException.class, call::run).kind();
    }

    private static final class RecordingBridge implements NetworkBridge {
        private final String name;
        final List<String> calls = new ArrayList<>();
        Map<String, NetworkAttachment> restored = new HashMap<>();
        Runnable onConnect = () -> { };
        Runnable onDisconnect = () -> { };
        RuntimeException refusal;

        RecordingBridge(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public NetworkAttachment attach(String containerId) {
            throw new AssertionError("not called here");
        }

        @Override
        public void detach(String containerId) {
            calls.add("detach " + containerId);
        }

        @Override
        public void restore(Map<String, NetworkAttachment> attachments) {
            restored = new HashMap<>(attachments);
        }

        @Override
        public NetworkAttachment connect(String containerId, String namespacePath, String ipv4Address) {
            if (refusal != null) {
                throw refusal;
            }
            onConnect.run();
            calls.add("connect " + containerId + " " + namespacePath + (ipv4Address.isEmpty() ? "" : " " + ipv4Address));
            return new NetworkAttachment(name, namespacePath, Map.of("IPAddress",
                    ipv4Address.isEmpty() ? "10.2.0.3" : ipv4Address, "NetworkID", "b", "Interface", "eth1"));
        }

        @Override
        public void disconnect(String containerId) {
            onDisconnect.run();
            calls.add("disconnect " + containerId);
        }
    }
}
