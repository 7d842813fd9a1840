package io.holdfast.launcher;

import io.holdfast.common.io.UnixSockets;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sockets for daemon.json's {@code hosts} that the launcher binds before the framework starts, so that
 * {@link EarlySocket} answers on them within the JVM's start instead of clients being refused until the API bundle
 * binds them. Bound as the API bundle binds its own ({@link UnixSockets}: claimed, staged, published 0660 by one
 * rename). The API bundle takes them ({@link #take}, a JDK-typed service of {@link EngineFramework}): it publishes its
 * own socket over each path, accepts what is still waiting in the launcher's, and closes it. A host this cannot bind
 * (another process answers there, a directory that cannot be made) is left to the API bundle, which reports it.
 */
final class HostSockets {
    private final Map<Path, ServerSocketChannel> bound;
    private final AtomicBoolean taken = new AtomicBoolean();

    private HostSockets(Map<Path, ServerSocketChannel> bound) {
        this.bound = bound;
    }

    /** Binds each host but the one a service manager already handed over ({@code inherited}). */
    static HostSockets bind(List<String> hosts, Optional<Path> inherited) {
        Map<Path, ServerSocketChannel> bound = new LinkedHashMap<>();
        for (String host : hosts) {
            Path path = UnixSockets.path(host);
            if (inherited.filter(path::equals).isEmpty()) {
                bindOne(host).ifPresent(socket -> bound.put(path, socket));
            }
        }
        return new HostSockets(bound);
    }

    private static Optional<ServerSocketChannel> bindOne(String host) {
        Path staged = null;
        ServerSocketChannel socket = null;
        try {
            UnixSockets.claim(List.of(host));
            staged = UnixSockets.staged(host);
            socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(staged));
            UnixSockets.publish(staged, host);
            return Optional.of(socket);
        } catch (IOException | RuntimeException e) {
            try {
                if (socket != null) {
                    socket.close();
                }
                if (staged != null) {
                    UnixSockets.discard(staged);
                }
            } catch (IOException leftOver) {
                // the staging directory is private and empty, or gone
            }
            return Optional.empty();
        }
    }

    /** The bound sockets, by path; the API bundle's from then on. The first caller's: a later call gets none. */
    Map<Path, ServerSocketChannel> take() {
        return taken.compareAndSet(false, true) ? bound : Map.of();
    }

    Iterable<ServerSocketChannel> sockets() {
        return bound.values();
    }

    /** As the engine ends: closes and removes the sockets the API bundle never took (it ended before it ran). */
    void closeUntaken() {
        if (!taken.compareAndSet(false, true)) {
            return;
        }
        bound.forEach((path, socket) -> {
            try {
                socket.close();
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // the next engine's claim removes a socket nothing answers on
            }
        });
    }
}
