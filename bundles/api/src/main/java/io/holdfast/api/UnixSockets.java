package io.holdfast.api;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** The socket files behind daemon.json's {@code hosts} ({@code unix:///run/holdfast.sock}). */
final class UnixSockets {
    private UnixSockets() {
    }

    static Path path(String host) {
        return Path.of(host.substring("unix://".length()));
    }

    /** Refuses a socket another process serves; removes one a killed engine left. */
    static void claim(List<String> hosts) throws IOException {
        for (String host : hosts) {
            Path socket = path(host);
            Files.createDirectories(socket.getParent());
            if (answers(socket)) {
                throw new IOException(host + " is in use by another process; stop it or pass another -H");
            }
            Files.deleteIfExists(socket);
        }
    }

    /** Owner and group may connect (0660), as Docker's socket. */
    static void restrict(List<String> hosts) throws IOException {
        for (String host : hosts) {
            Files.setPosixFilePermissions(path(host), PosixFilePermissions.fromString("rw-rw----"));
        }
    }

    static void remove(List<String> hosts) throws IOException {
        for (String host : hosts) {
            Files.deleteIfExists(path(host));
        }
    }

    /** Whether something already listens on {@code socket} (a killed engine's stale file refuses connections). */
    private static boolean answers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }
}
