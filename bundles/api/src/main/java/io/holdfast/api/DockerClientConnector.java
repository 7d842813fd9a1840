package io.holdfast.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Jetty's Unix-socket connector, with each connection's first request head mended by {@link BlankHostRepair} and
 * request heads capped ({@link RequestLimits}). It can also serve connections accepted before it ran
 * ({@link #adopt}).
 */
final class DockerClientConnector extends UnixDomainServerConnector {
    /** What was read from adopted connections before they were adopted, until their end point takes it. */
    private final Map<SocketChannel, ByteBuffer> readBeforeAdoption = new ConcurrentHashMap<>();

    DockerClientConnector(Server server) {
        super(server);
        RequestLimits.apply(this);
    }

    /**
     * Serves {@code channel} as if this connector had accepted it: a connection accepted before this connector ran,
     * by the launcher or from the backlog of a socket the launcher bound. {@code read} (read mode) is what the
     * launcher read from it and did not answer; Jetty reads it first.
     */
    void adopt(SocketChannel channel, ByteBuffer read) throws IOException {
        if (read.hasRemaining()) {
            readBeforeAdoption.put(channel, read);
        }
        getBean(Selectors.class).adopt(channel);
    }

    @Override
    protected SelectorManager newSelectorManager(Executor executor, Scheduler scheduler, int selectors) {
        return new Selectors(executor, scheduler, selectors);
    }

    private final class Selectors extends UnixDomainSelectorManager {
        Selectors(Executor executor, Scheduler scheduler, int selectors) {
            super(executor, scheduler, selectors);
        }

        void adopt(SocketChannel channel) throws IOException {
            accepted(channel);
        }

        @Override
        protected EndPoint newEndPoint(SelectableChannel channel, ManagedSelector selector, SelectionKey key) {
            SocketChannelEndPoint endPoint = new RepairingEndPoint((SocketChannel) channel, selector, key,
                    getScheduler(), readBeforeAdoption.remove(channel));
            endPoint.setIdleTimeout(getIdleTimeout());
            return endPoint;
        }
    }

    /**
     * Mends the first request head, and can tell whether the client hung up while a long response is under way
     * ({@link #peerClosed}): Jetty reads a connection only when it wants the next request, so without this a client
     * that leaves a quiet {@code wait} or {@code events} stream would go unnoticed until the next write. Bytes that the
     * check reads (a client that sent its next request early) are kept and handed to Jetty's next fill.
     */
    static final class RepairingEndPoint extends SocketChannelEndPoint {
        private static final int EARLY_LIMIT = 64 * 1024;
        private final BlankHostRepair repair = new BlankHostRepair();
        private final SocketChannel channel;
        /** Read by {@link #peerClosed} before Jetty asked for it; in fill mode. */
        private ByteBuffer early = ByteBuffer.allocate(0);

        /** @param readBefore what was read from the connection before Jetty had it (read mode), or null */
        RepairingEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler,
                ByteBuffer readBefore) {
            super(channel, selector, key, scheduler);
            this.channel = channel;
            if (readBefore != null) {
                early = ByteBuffer.allocate(readBefore.remaining() + 4096).put(readBefore);
            }
        }

        /** Jetty's buffers are in flush mode: what a fill reads is appended after the limit. */
        @Override
        public int fill(ByteBuffer buffer) throws IOException {
            int from = buffer.limit();
            int read = fillAfterEarly(buffer);
            if (read > 0 && !repair.done()) {
                repair.repair(buffer, from, buffer.limit());
            }
            return read;
        }

        private int fillAfterEarly(ByteBuffer buffer) throws IOException {
            synchronized (this) {
                if (early.position() > 0) {
                    int pos = BufferUtil.flipToFill(buffer);
                    early.flip();
                    int n = Math.min(early.remaining(), buffer.remaining());
                    buffer.put(early.slice(early.position(), n));
                    early.position(early.position() + n);
                    early.compact();
                    BufferUtil.flipToFlush(buffer, pos);
                    return n;
                }
                return super.fill(buffer);
            }
        }

        /** Bytes read early must wake Jetty at once: the selector will not report them again. */
        @Override
        protected void needsFillInterest() {
            boolean waiting;
            synchronized (this) {
                waiting = early.position() > 0;
            }
            if (waiting) {
                getFillInterest().fillable();
            } else {
                super.needsFillInterest();
            }
        }

        /**
         * Whether the client has closed its end; reads (without blocking) what it sent meanwhile and keeps it for
         * Jetty. Call only while a response is under way and the request body has been read.
         */
        /** The connection, for a selector that watches it for a hang-up besides Jetty's (PeerWatch). */
        SocketChannel channel() {
            return channel;
        }

        /** Whether {@link #peerClosed} holds all it may of what the client sent early, and reads no more. */
        boolean earlyFull() {
            synchronized (this) {
                return early.capacity() >= EARLY_LIMIT && early.remaining() < 4096;
            }
        }

        boolean peerClosed() {
            synchronized (this) {
                try {
                    if (early.capacity() == 0) {
                        // nothing kept yet: a one-byte probe, and a buffer only if the client did send something;
                        // 10,000 held responses kept 40 MB of empty 4 KiB buffers before (the GC's pauses grew)
                        ByteBuffer probe = ByteBuffer.allocate(1);
                        int read = channel.read(probe);
                        if (read <= 0) {
                            return read < 0;
                        }
                        early = ByteBuffer.allocate(8192).put(probe.flip());
                    }
                    if (early.remaining() < 4096) {
                        if (early.capacity() >= EARLY_LIMIT) {
                            return false; // a client that floods us is read by Jetty once this response ends
                        }
                        early = ByteBuffer.allocate(early.capacity() + 4096).put(early.flip());
                    }
                    return channel.read(early) < 0;
                } catch (IOException e) {
                    return true;
                }
            }
        }
    }
}
