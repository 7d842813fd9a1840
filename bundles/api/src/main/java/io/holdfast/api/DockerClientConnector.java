package io.holdfast.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Jetty's Unix-socket connector, with each connection's first request head mended by {@link BlankHostRepair} and
 * request heads capped ({@link RequestLimits}).
 */
final class DockerClientConnector extends UnixDomainServerConnector {

    DockerClientConnector(Server server) {
        super(server);
        RequestLimits.apply(this);
    }

    @Override
    protected SelectorManager newSelectorManager(Executor executor, Scheduler scheduler, int selectors) {
        return new UnixDomainSelectorManager(executor, scheduler, selectors) {
            @Override
            protected EndPoint newEndPoint(SelectableChannel channel, ManagedSelector selector, SelectionKey key) {
                SocketChannelEndPoint endPoint = new RepairingEndPoint((SocketChannel) channel, selector, key,
                        getScheduler());
                endPoint.setIdleTimeout(getIdleTimeout());
                return endPoint;
            }
        };
    }

    private static final class RepairingEndPoint extends SocketChannelEndPoint {
        private final BlankHostRepair repair = new BlankHostRepair();

        RepairingEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler) {
            super(channel, selector, key, scheduler);
        }

        /** Jetty's buffers are in flush mode: what a fill reads is appended after the limit. */
        @Override
        public int fill(ByteBuffer buffer) throws IOException {
            int from = buffer.limit();
            int read = super.fill(buffer);
            if (read > 0 && !repair.done()) {
                repair.repair(buffer, from, buffer.limit());
            }
            return read;
        }
    }
}
