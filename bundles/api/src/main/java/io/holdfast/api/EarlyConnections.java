package io.holdfast.api;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The connections the launcher held on the socket a service manager handed over, from the engine's first moments
 * until this bundle serves it: the launcher answers {@code /_ping} there itself and holds every other request, with
 * what it read of it, for this bundle. Taken through the JDK-typed service the launcher registers
 * ({@code Supplier<Map<SocketChannel, ByteBuffer>>} with {@code holdfast.early-socket=true}); taking them stops the
 * launcher serving the socket.
 */
final class EarlyConnections {
    private static final String FILTER = "(holdfast.early-socket=true)";

    private EarlyConnections() {
    }

    /**
     * Stops the launcher serving the inherited socket and returns the connections it held, in the order they came,
     * each with what was read from it (read mode); empty when the launcher served none (an engine run in a test
     * framework, or no socket was handed over).
     */
    @SuppressWarnings("unchecked")
    static Map<SocketChannel, ByteBuffer> take(BundleContext context) {
        try {
            ServiceReference<?>[] references = context.getServiceReferences(Supplier.class.getName(), FILTER);
            if (references == null) {
                return Map.of();
            }
            Supplier<Map<SocketChannel, ByteBuffer>> launcher =
                    (Supplier<Map<SocketChannel, ByteBuffer>>) context.getService(references[0]);
            try {
                return launcher == null ? Map.of() : launcher.get();
            } finally {
                context.ungetService(references[0]);
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
