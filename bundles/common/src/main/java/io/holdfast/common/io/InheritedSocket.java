package io.holdfast.common.io;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The listening API socket a service manager handed the engine as its standard input: systemd's
 * {@code StandardInput=socket} with {@code holdfast.socket}, or {@code bin/holdfastd}, which moves a
 * {@code LISTEN_FDS} socket (fd 3) there. systemd keeps its own copy open while the engine is down, so a client that
 * connects meanwhile waits in the socket's backlog and is answered once the engine accepts, never refused.
 *
 * <pre>{@code
 * Optional<Path> inherited = InheritedSocket.path();   // empty when stdin is a terminal, a pipe or /dev/null
 * }</pre>
 */
public final class InheritedSocket {
    private InheritedSocket() {
    }

    /** The path the inherited listening Unix socket is bound to, or empty when there is none. */
    public static Optional<Path> path() throws IOException {
        return pathOf(System.inheritedChannel());
    }

    public static Optional<Path> pathOf(Channel channel) throws IOException {
        if (!(channel instanceof ServerSocketChannel server)) {
            return Optional.empty(); // an accepted connection (inetd's Accept=yes) is not a socket to listen on
        }
        SocketAddress address = server.getLocalAddress();
        if (!(address instanceof UnixDomainSocketAddress unix) || unix.getPath().toString().isEmpty()) {
            throw new IOException("the socket passed as standard input listens on " + address
                    + "; only a Unix socket bound to a path can serve the API (ListenStream=/run/holdfast.sock)");
        }
        return Optional.of(unix.getPath());
    }

    /**
     * The path Jetty's connector is given for the inherited socket: Jetty deletes its connector's path when it
     * stops, and the socket's own file belongs to systemd, which still listens on it; so the connector names a file
     * next to it that nothing ever creates.
     */
    public static Path unboundName(Path socket) {
        return socket.resolveSibling("." + socket.getFileName() + ".inherited");
    }
}
