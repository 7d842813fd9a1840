package io.holdfast.common.io;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API socket is bound where nobody else can reach it and appears at its path already restricted to 0660. */
class UnixSocketsTest {
    @TempDir
    Path dir;

    @Test
    void theSocketAppearsAtItsPathOnlyOnceItIsRestrictedToOwnerAndGroup() throws Exception {
        String host = "unix://" + dir.resolve("api.sock");
        Path staged = UnixSockets.staged(host);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(staged.getParent())),
                "the directory the socket is bound in admits only its owner");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(staged));
            assertFalse(Files.exists(UnixSockets.path(host)), "bound but not yet published");

            UnixSockets.publish(staged, host);

            Path published = UnixSockets.path(host);
            assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(published)));
            assertFalse(Files.exists(staged.getParent()), "the staging directory is gone");
            try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(published))) {
                assertTrue(client.isConnected(), "the published path reaches the bound socket");
            }
        }
    }

    @Test
    void aStagingDirectoryOfAFailedStartIsRemoved() throws Exception {
        Path staged = UnixSockets.staged("unix://" + dir.resolve("api.sock"));
        UnixSockets.discard(staged);
        assertFalse(Files.exists(staged.getParent()));
    }
}
