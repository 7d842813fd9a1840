package io.holdfast.api;

import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * What the launcher served the API's sockets with, from the engine's first moments until this bundle serves them:
 * the launcher answers {@code /_ping} and {@code /version} itself and holds every other request, with what it read
 * of it, for this bundle. Taken through the JDK-typed services the launcher registers: the held connections
 * ({@code Supplier<Map<SocketChannel, ByteBuffer>>} with {@code holdfast.early-socket=true}; taking them stops the
 * launcher serving) and the sockets it bound for {@code hosts} ({@code Supplier<Map<Path, ServerSocketChannel>>}
 * with {@code holdfast.early-socket.bound=true}).
 */
final class EarlyConnections {
    private static final String FILTER = "(holdfast.early-socket=true)";
    private static final String BOUND_FILTER = "(holdfast.early-socket.bound=true)";

    private EarlyConnections() {
    }

    /**
     * Stops the launcher serving the inherited socket and returns the connections it held, in the order they came,
     * each with what was read from it (read mode); empty when the launcher served none (an engine run in a test
     * framework, or no socket was handed over).
     */
    static Map<SocketChannel, ByteBuffer> take(BundleContext context) {
        return fromLauncher(context, FILTER);
    }

    /**
     * The listening sockets the launcher bound for {@code hosts}, by path, this bundle's from now on; empty when it
     * bound none. Take them after {@link #take}: until then the launcher accepts on them.
     */
    static Map<Path, ServerSocketChannel> boundByLauncher(BundleContext context) {
        return fromLauncher(context, BOUND_FILTER);
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Map<K, V> fromLauncher(BundleContext context, String filter) {
        try {
            ServiceReference<?>[] references = context.getServiceReferences(Supplier.class.getName(), filter);
            if (references == null) {
                return Map.of();
            }
            Supplier<Map<K, V>> launcher = (Supplier<Map<K, V>>) context.getService(references[0]);
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
