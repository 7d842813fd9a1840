package io.holdfast.supervisor.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.PortBinding;
import io.holdfast.spi.container.PortOptions;
import io.holdfast.spi.container.RunState;
import io.holdfast.spi.network.NetworkAttachment;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real socat forwarders between two loopback ports (the "container" is a server of this test on 127.0.0.1): start,
 * end, refusal of a port in use, and the restore's three cases. Every forwarder is ended after each test.
 */
class PortForwardersTest {
    @TempDir
    Path dir;

    private PortForwarders ports;
    private ServerSocket container;
    private Thread serving;
    private final Map<String, ContainerRecord> table = new HashMap<>();
    private final List<String> published = new ArrayList<>();

    @BeforeEach
    void serve() throws IOException {
        ports = new PortForwarders(dir);
        container = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serving = new Thread(() -> {
            while (!container.isClosed()) {
                try (Socket client = container.accept()) {
                    client.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                    return;
                }
            }
        });
        serving.start();
    }

    @AfterEach
    void end() throws Exception {
        for (String id : published) {
            ports.unpublish(id);
        }
        container.close();
        serving.join(5000);
    }

    private ContainerRecord running(String id, PortBinding... bindings) {
        ContainerSpec spec = new ContainerSpec("c" + id, "busybox", List.of(), List.of(), null, false, "bridge", null,
                10, null, null, null, null, null, null, null, null, null, new PortOptions(List.of(bindings), List.of(),
                false));
        ContainerRecord record = new ContainerRecord(ContainerRecord.SCHEMA_VERSION, id, "c" + id, Instant.now(),
                spec, "sha256:0", RunState.created().started(1, 1, Instant.now()), 0, "vfs", "/r", "/b", "/l",
                new NetworkAttachment("bridge", null, Map.of("IPAddress", "127.0.0.1")), Map.of());
        table.put(id, record);
        published.add(id);
        return record;
    }

    private static String id(char c) {
        return String.valueOf(c).repeat(64);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String fetch(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            socket.setSoTimeout(5000);
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            return "";
        }
    }

    private boolean withRecord(String id, java.util.function.Consumer<ContainerRecord> action) {
        Optional<ContainerRecord> record = Optional.ofNullable(table.get(id));
        record.ifPresent(action);
        return record.isPresent();
    }

    @Test
    void aPublishedPortForwardsUntilUnpublishedAndThenIsFree() throws Exception {
        int port = freePort();
        ContainerRecord record = running(id('a'), new PortBinding("127.0.0.1", port, container.getLocalPort(), "tcp"));
        ports.publish(record);
        assertEquals("hello\n", fetch(port), "it listens once publish returns");
        assertEquals(List.of(new PortBinding("127.0.0.1", port, container.getLocalPort(), "tcp")),
                ports.published(record.id()));
        long pid = ports.forwarders(record.id()).get(0).pid();
        ports.unpublish(record.id());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertEquals(List.of(), ports.published(record.id()));
        HostPorts.checkFree(new PortBinding("127.0.0.1", port, 1, "tcp")); // throws if still taken
    }

    @Test
    void anyHostPortIsPickedAndRecorded() throws Exception {
        ContainerRecord record = running(id('b'), new PortBinding("127.0.0.1", 0, container.getLocalPort(), "tcp"));
        ports.publish(record);
        int picked = ports.published(record.id()).get(0).hostPort();
        assertTrue(picked > 0);
        assertEquals("hello\n", fetch(picked));
    }

    @Test
    void aPortInUseIsRefusedWithTheAddressAndNothingIsLeftRunning() throws Exception {
        int free = freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ContainerRecord record = running(id('c'), new PortBinding("127.0.0.1", free, container.getLocalPort(),
                    "tcp"), new PortBinding("127.0.0.1", taken.getLocalPort(), container.getLocalPort(), "tcp"));
            String message = assertThrows(EngineException.class, () -> ports.publish(record)).getMessage();
            assertTrue(message.contains("Bind for 127.0.0.1:" + taken.getLocalPort()
                    + "/tcp failed: port is already allocated"), message);
            assertEquals(List.of(), ports.published(record.id()), "the first forwarder was ended again");
            HostPorts.checkFree(new PortBinding("127.0.0.1", free, 1, "tcp"));
        }
    }

    @Test
    void theRestoreKeepsLiveForwardersRestartsGoneOnesAndEndsThoseOfStoppedOrRemovedContainers() throws Exception {
        int kept = freePort();
        int restarted = freePort();
        int stopped = freePort();
        int removed = freePort();
        int target = container.getLocalPort();
        ContainerRecord keptRecord = running(id('d'), new PortBinding("127.0.0.1", kept, target, "tcp"));
        ContainerRecord restartedRecord = running(id('e'), new PortBinding("127.0.0.1", restarted, target, "tcp"));
        ContainerRecord stoppedRecord = running(id('f'), new PortBinding("127.0.0.1", stopped, target, "tcp"));
        ContainerRecord removedRecord = running(id('0'), new PortBinding("127.0.0.1", removed, target, "tcp"));
        for (ContainerRecord r : List.of(keptRecord, restartedRecord, stoppedRecord, removedRecord)) {
            ports.publish(r);
        }
        long keptPid = ports.forwarders(keptRecord.id()).get(0).pid();
        long gonePid = ports.forwarders(restartedRecord.id()).get(0).pid();
        ProcessHandle gone = ProcessHandle.of(gonePid).orElseThrow();
        gone.destroyForcibly();
        gone.onExit().get();
        table.put(stoppedRecord.id(), stoppedRecord.withState(stoppedRecord.state().exited(0, Instant.now(), "")));
        table.remove(removedRecord.id());

        List<String> done = ports.reconcile(this::withRecord);

        assertEquals(keptPid, ports.forwarders(keptRecord.id()).get(0).pid(), "a live forwarder is adopted as is");
        long again = ports.forwarders(restartedRecord.id()).get(0).pid();
        assertNotEquals(gonePid, again);
        assertEquals("hello\n", fetch(restarted));
        assertEquals(List.of(), ports.published(stoppedRecord.id()));
        assertEquals(List.of(), ports.published(removedRecord.id()));
        HostPorts.checkFree(new PortBinding("127.0.0.1", stopped, 1, "tcp"));
        HostPorts.checkFree(new PortBinding("127.0.0.1", removed, 1, "tcp"));
        assertEquals(3, done.size(), done.toString());
        assertTrue(done.stream().anyMatch(line -> line.contains("started again as pid " + again)), done.toString());
        assertEquals(List.of(), ports.reconcile(this::withRecord), "a second restore changes nothing");
    }
}
