package io.holdfast.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;

/**
 * Notices clients that hang up on a long response ({@code wait}, {@code logs -f}, {@code events}). Twice a second it
 * looks for requests the engine's handler newly marked with {@link #LONG_RESPONSE} and adds their connections to a
 * selector of its own; the kernel then says when one becomes readable (the client hung up, or sent its next request
 * early), and only that connection is looked at. A client that is gone has its connection closed, which fails the
 * request so its handler lets go of what it held. One thread for all such requests, however many, and no work for
 * the quiet ones: polling 10,000 connections twice a second took a quarter of a core.
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
    private static final long SCAN_MILLIS = 500;

    private final Set<Request> tracked = ConcurrentHashMap.newKeySet();
    /** Long responses whose connection is in the selector. */
    private final Map<Request, SelectionKey> watched = new ConcurrentHashMap<>();
    private final Selector selector;
    private final Thread thread;

    PeerWatch() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the selector that watches API clients", e);
        }
        thread = new Thread(this::run, "holdfast-api-peer-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Follows {@code request} until it completes. */
    void track(Request request) {
        tracked.add(request);
        Request.addCompletionListener(request, failure -> {
            tracked.remove(request);
            // the connection may carry the client's next request: from now on only Jetty reads it
            SelectionKey key = watched.remove(request);
            if (key != null) {
                key.cancel();
            }
        });
    }

    /** Requests under way that the watch knows of (for tests and diagnostics). */
    int tracked() {
        return tracked.size();
    }

    private void run() {
        long nextScan = System.nanoTime();
        try {
            while (selector.isOpen()) {
                selector.select(SCAN_MILLIS);
                for (SelectionKey key : selector.selectedKeys()) {
                    look((Request) key.attachment());
                }
                selector.selectedKeys().clear();
                if (System.nanoTime() - nextScan >= 0) {
                    scan();
                    nextScan = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SCAN_MILLIS);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            // closing
        }
    }

    /**
     * One round by hand, as the watch's thread does it over time: picks up new long responses and looks at every
     * watched connection. Package-private so a test can run it at a moment of its choosing.
     */
    void check() {
        scan();
        watched.keySet().forEach(this::look);
    }

    /** Puts the connections of responses that became long since the last scan into the selector. */
    private void scan() {
        for (Request request : tracked) {
            try {
                if (watched.containsKey(request) || request.getAttribute(LONG_RESPONSE) == null) {
                    continue; // short requests end by themselves; their bodies may still be being read
                }
                if (!(endPoint(request) instanceof DockerClientConnector.RepairingEndPoint endPoint)) {
                    continue;
                }
                if (look(request)) {
                    continue;
                }
                watched.put(request, endPoint.channel().register(selector, SelectionKey.OP_READ, request));
                if (!tracked.contains(request)) { // it completed meanwhile, before its key was known
                    SelectionKey key = watched.remove(request);
                    if (key != null) {
                        key.cancel();
                    }
                }
            } catch (ClosedChannelException e) {
                look(request); // closed under us: fail the request if it is still open
            } catch (RuntimeException e) {
                LOG.warning("watching a client connection failed: " + e);
            }
        }
    }

    /** Looks at one request's connection; true if the client was gone and the request has been failed. */
    @SuppressWarnings("unchecked")
    private boolean look(Request request) {
        try {
            if (!(endPoint(request) instanceof DockerClientConnector.RepairingEndPoint endPoint)) {
                return false;
            }
            if (!endPoint.peerClosed()) {
                if (endPoint.earlyFull()) { // it floods us: stop watching (the selector would spin); Jetty reads it later
                    SelectionKey key = watched.remove(request);
                    if (key != null) {
                        key.cancel();
                    }
                }
                return false;
            }
            tracked.remove(request);
            SelectionKey key = watched.remove(request);
            if (key != null) {
                key.cancel();
            }
            EofException gone = new EofException("the client closed the connection");
            endPoint.close(gone);
            // Jetty does not fail a request whose handler neither reads nor writes: tell the handler directly
            if (request.getAttribute(LONG_RESPONSE) instanceof Consumer<?> handler) {
                ((Consumer<Throwable>) handler).accept(gone);
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warning("checking a client connection failed: " + e);
            return false;
        }
    }

    private static EndPoint endPoint(Request request) {
        return request.getConnectionMetaData().getConnection().getEndPoint();
    }

    @Override
    public void close() {
        try {
            selector.close(); // wakes select() with ClosedSelectorException
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (IOException e) {
            LOG.warning("cannot close the selector that watches API clients: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
