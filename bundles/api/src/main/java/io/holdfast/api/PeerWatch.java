package io.holdfast.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;

/**
 * Notices clients that hang up on a long response ({@code wait}, {@code logs -f}, {@code events}): twice a second
 * it checks the connection of every request the engine's handler marked with {@link #LONG_RESPONSE} and closes
 * those whose client is gone, which fails the request so its handler lets go of what it held. One thread for all
 * such requests, however many.
 *
 * <pre>{@code
 * watch.track(request);   // by the dispatcher, for every request
 * request.setAttribute(PeerWatch.LONG_RESPONSE, Boolean.TRUE); // by a handler once its response streams
 * }</pre>
 */
final class PeerWatch implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PeerWatch.class.getName());
    /**
     * The request attribute a handler sets once its response may last long; when its value is a
     * {@code Consumer<Throwable>} (a JDK type, so any bundle can offer one) it is told when the client hangs up.
     */
    static final String LONG_RESPONSE = "holdfast.long-response";
    private static final long PERIOD_MILLIS = 500;

    private final Set<Request> tracked = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "holdfast-api-peer-watch");
        thread.setDaemon(true);
        return thread;
    });

    PeerWatch() {
        timer.scheduleWithFixedDelay(this::check, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Follows {@code request} until it completes. */
    void track(Request request) {
        tracked.add(request);
        Request.addCompletionListener(request, failure -> tracked.remove(request));
    }

    /** Requests under way that the watch knows of (for tests and diagnostics). */
    int tracked() {
        return tracked.size();
    }

    /** One round over the tracked requests; package-private so a test can run it at a moment of its choosing. */
    @SuppressWarnings("unchecked")
    void check() {
        for (Request request : tracked) {
            try {
                if (request.getAttribute(LONG_RESPONSE) == null) {
                    continue; // short requests end by themselves; their bodies may still be being read
                }
                EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
                if (endPoint instanceof DockerClientConnector.RepairingEndPoint watched && watched.peerClosed()) {
                    tracked.remove(request);
                    EofException gone = new EofException("the client closed the connection");
                    endPoint.close(gone);
                    // Jetty does not fail a request whose handler neither reads nor writes: tell the handler directly
                    if (request.getAttribute(LONG_RESPONSE) instanceof Consumer<?> handler) {
                        ((Consumer<Throwable>) handler).accept(gone);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warning("checking a client connection failed: " + e);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
