package io.holdfast.api;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.AbstractConnector;

/**
 * How large a request head the sockets accept: a larger one is answered 431 by Jetty (in {@link JsonErrorHandler}'s
 * shape) before it reaches a handler, so no client can make the engine buffer an endless header. Bodies are capped
 * where they are read (api-routes: JSON bodies; tar streams go to disk, not the heap).
 */
final class RequestLimits {
    /** Request line plus headers; Docker clients send well under 4 KiB (X-Registry-Auth included). */
    static final int HEADER_BYTES = 64 * 1024;

    private RequestLimits() {
    }

    static void apply(AbstractConnector connector) {
        HttpConfiguration http = connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
        http.setRequestHeaderSize(HEADER_BYTES);
    }
}
