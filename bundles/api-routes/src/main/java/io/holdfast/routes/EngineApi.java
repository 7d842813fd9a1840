package io.holdfast.routes;

import io.holdfast.common.concurrent.InFlight;
import io.holdfast.common.text.ApiPaths;
import io.holdfast.spi.container.EngineException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP API as one Jetty handler: adds the headers Docker clients negotiate with, drops the API version prefix,
 * finds the route and turns failures into Docker's status codes with a {@code {"message": ...}} body.
 *
 * <p>It counts the requests it is answering, so that a revision being swapped out can {@link #close} and let them
 * finish; from then on it declines new requests ({@code handle} returns false) and the resident sockets of
 * {@code bundles/api} hand them to the next revision.
 *
 * <pre>{@code
 * EngineApi api = new EngineApi(RouteTable.of(version, services));
 * context.registerService(Handler.class, api, properties);   // holdfast.api=engine
 * }</pre>
 */
final class EngineApi extends Handler.Abstract {
    private static final Logger LOG = Logger.getLogger(EngineApi.class.getName());

    /** Holdfast's own: how many requests this revision holds unanswered (streams included). */
    static final String REQUESTS_PATH = "/system/requests";

    private final Router router;
    /** Requests this revision answers; streams stop counting once they stream (they may last for hours). */
    private final InFlight inFlight = new InFlight();
    /** Requests not yet answered in full, open streams included: what a client that leaves must give back. */
    private final AtomicInteger unanswered = new AtomicInteger();

    EngineApi(Router router) {
        this.router = router;
    }

    /** False once this revision is closing: the sockets then hand the request to the next revision. */
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!inFlight.tryEnter()) {
            return false;
        }
        AtomicBoolean counted = new AtomicBoolean(true);
        Runnable leave = () -> {
            if (counted.getAndSet(false)) {
                inFlight.leave();
            }
        };
        unanswered.incrementAndGet();
        try {
            route(request, response, new Counted(callback), leave);
        } finally {
            leave.run();
        }
        return true;
    }

    /** Requests this revision has taken and not yet answered in full (this one included when asked by a route). */
    int unanswered() {
        return unanswered.get();
    }

    /** Declines new requests and waits up to {@code millis} for the running ones; returns how many still run. */
    int close(long millis) throws InterruptedException {
        return inFlight.closeAndAwait(millis);
    }

    private void route(Request request, Response response, Callback callback, Runnable onStreaming) {
        ApiExchange exchange = new ApiExchange(request, response, callback,
                ApiPaths.withoutVersion(Request.getPathInContext(request)));
        exchange.onStreaming(onStreaming);
        try {
            if (exchange.method().equals("GET") && exchange.path().equals(REQUESTS_PATH)) {
                // not counting this one: what a test or an operator wants is how many others are held
                exchange.sendJson(200, java.util.Map.of("Unanswered", unanswered.get() - 1));
                callback.succeeded();
                return;
            }
            Router.Match match = router.find(exchange.method(), exchange.path());
            if (match == null) {
                exchange.sendError(404, "page not found: " + exchange.path());
            } else {
                exchange.pathParams(match.params());
                match.handler().handle(exchange);
            }
            if (!exchange.isOpen()) {
                callback.succeeded();
            }
        } catch (EngineException e) {
            sendError(exchange, callback, status(e.kind()), e.getMessage());
        } catch (RequestTooLarge e) {
            sendError(exchange, callback, 413, e.getMessage());
        } catch (IllegalArgumentException e) {
            sendError(exchange, callback, 400, e.getMessage());
        } catch (Exception e) {
            LOG.log(Level.WARNING, request.getMethod() + " " + exchange.path() + " failed", e);
            sendError(exchange, callback, 500, String.valueOf(e.getMessage()));
        }
    }

    private static void sendError(ApiExchange exchange, Callback callback, int status, String message) {
        if (exchange.isOpen()) {
            exchange.failOpen(new IllegalStateException(message)); // its headers are out: nothing more can be said
            return;
        }
        try {
            exchange.sendError(status, message);
            callback.succeeded();
        } catch (Exception e) {
            callback.failed(e); // the response had already started (a stream broke off)
        }
    }

    /** Counts the request as answered once Jetty hears it completed, however it ended. */
    private final class Counted implements Callback {
        private final Callback target;
        private final AtomicBoolean done = new AtomicBoolean();

        Counted(Callback target) {
            this.target = target;
        }

        @Override
        public void succeeded() {
            leave();
            target.succeeded();
        }

        @Override
        public void failed(Throwable failure) {
            leave();
            target.failed(failure);
        }

        @Override
        public InvocationType getInvocationType() {
            return target.getInvocationType();
        }

        private void leave() {
            if (done.compareAndSet(false, true)) {
                unanswered.decrementAndGet();
            }
        }
    }

    private static int status(EngineException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FAILED -> 500;
            case FORBIDDEN -> 403;
        };
    }
}
