package io.holdfast.common.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which standard inputs are a socket handed over by a service manager, and what the engine says of the others. */
class InheritedSocketTest {
    @TempDir
    Path dir;

    @Test
    void aListeningUnixSocketIsServedAtItsPath() throws Exception {
        Path path = dir.resolve("api.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            assertEquals(Optional.of(path), InheritedSocket.pathOf(server));
        }
    }

    @Test
    void noChannelOrAnAcceptedConnectionIsNoHandOver() throws Exception {
        assertEquals(Optional.empty(), InheritedSocket.pathOf(null));
        try (SocketChannel connection = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            assertEquals(Optional.empty(), InheritedSocket.pathOf(connection));
        }
    }

    @Test
    void aTcpSocketIsRefusedWithWhatItListensOn() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            IOException refused = assertThrows(IOException.class, () -> InheritedSocket.pathOf(server));
            assertTrue(refused.getMessage().contains("127.0.0.1") && refused.getMessage().contains("Unix socket"),
                    refused.getMessage());
        }
    }

    @Test
    void jettyIsGivenANameNextToTheSocketThatIsNotTheSocket() {
        Path socket = Path.of("/run/holdfast.sock");
        assertEquals(Path.of("/run/.holdfast.sock.inherited"), InheritedSocket.unboundName(socket));
    }
}
