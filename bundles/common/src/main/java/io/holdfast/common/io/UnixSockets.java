package io.holdfast.common.io;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The socket files behind daemon.json's {@code hosts} ({@code unix:///run/holdfast.sock}): claimed, bound in a
 * private staging directory and published with their final mode by one rename. The launcher binds them early in a
 * start and the API bundle later (it replaces the launcher's with its own, or binds them itself).
 */
public final class UnixSockets {
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_AND_GROUP =
            PosixFilePermissions.fromString("rw-rw----");

    private UnixSockets() {
    }

    public static Path path(String host) {
        return Path.of(host.substring("unix://".length()));
    }

    /** Refuses a socket another process serves; removes one a killed engine left. */
    public static void claim(List<String> hosts) throws IOException {
        for (String host : hosts) {
            Path socket = path(host);
            Files.createDirectories(socket.getParent());
            if (answers(socket)) {
                throw new IOException(host + " is in use by another process; stop it or pass another -H");
            }
            Files.deleteIfExists(socket);
        }
    }

    /**
     * Where the server binds {@code host}'s socket before it is published: inside a new directory only this user
     * may enter (0700), next to the final path so that {@link #publish} is a rename on one file system. A socket is
     * created with the process's umask (0755 or looser here): bound at its final path it would be reachable by
     * anyone until chmod'ed, so it is chmod'ed in here and only then moved into place.
     */
    public static Path staged(String host) throws IOException {
        Path socket = path(host);
        Path dir = Files.createTempDirectory(socket.getParent(), ".hf-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return dir.resolve("s"); // short: a socket path may not exceed 107 bytes
    }

    /**
     * Restricts the bound socket at {@code staged} to owner and group (0660, as Docker's socket) and moves it to
     * {@code host}'s path with one rename, so the path never names a socket with looser permissions.
     */
    public static void publish(Path staged, String host) throws IOException {
        Files.setPosixFilePermissions(staged, OWNER_AND_GROUP);
        Files.move(staged, path(host), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.delete(staged.getParent());
    }

    /** Removes a staging directory a failed start left behind. */
    public static void discard(Path staged) throws IOException {
        Files.deleteIfExists(staged);
        Files.deleteIfExists(staged.getParent());
    }

    public static void remove(List<String> hosts) throws IOException {
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
