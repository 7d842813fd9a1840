package io.holdfast.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostSocketsTest {
    @TempDir
    Path dir;

    @Test
    void eachHostIsBoundOwnerAndGroupOnlyAndTakenOnce() throws Exception {
        Path api = dir.resolve("run/api.sock");
        Path stale = dir.resolve("stale.sock");
        ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(stale)).close();
        HostSockets sockets = HostSockets.bind(List.of("unix://" + api, "unix://" + stale), Optional.empty());
        Map<Path, ServerSocketChannel> taken = sockets.take();
        try {
            assertEquals(List.of(api, stale), List.copyOf(taken.keySet()), "a killed engine's stale file is replaced");
            assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(api)));
            try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(api))) {
                assertTrue(client.isConnected());
            }
            try (var files = Files.list(dir.resolve("run"))) {
                assertEquals(List.of(api), files.toList(), "no staging directory is left");
            }
            assertEquals(Map.of(), sockets.take(), "the sockets are the first caller's");
            sockets.closeUntaken();
            assertTrue(Files.exists(api), "taken sockets are the API bundle's to remove");
        } finally {
            for (ServerSocketChannel socket : taken.values()) {
                socket.close();
            }
        }
    }

    @Test
    void aSocketAnotherProcessServesAndTheInheritedOneAreNotBound() throws Exception {
        Path busy = dir.resolve("busy.sock");
        Path inherited = dir.resolve("inherited.sock");
        try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                .bind(UnixDomainSocketAddress.of(busy))) {
            HostSockets sockets = HostSockets.bind(List.of("unix://" + busy, "unix://" + inherited),
                    Optional.of(inherited));
            assertEquals(Map.of(), sockets.take());
            assertFalse(Files.exists(inherited));
            try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(busy))) {
                assertTrue(client.isConnected(), "the other process keeps its socket");
            }
        }
    }

    @Test
    void socketsTheApiNeverTookAreClosedAndRemovedAsTheEngineEnds() throws Exception {
        Path api = dir.resolve("api.sock");
        HostSockets sockets = HostSockets.bind(List.of("unix://" + api), Optional.empty());
        assertTrue(Files.exists(api));
        ServerSocketChannel socket = sockets.sockets().iterator().next();
        sockets.closeUntaken();
        assertFalse(Files.exists(api));
        assertFalse(socket.isOpen());
    }
}
