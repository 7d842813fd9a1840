package io.holdfast.api;

import io.holdfast.api.shell.ShellEndpoint;
import io.holdfast.api.shell.ShellHost;
import io.holdfast.api.timing.ApiRoute;
import io.holdfast.api.timing.RequestTimings;
import io.holdfast.common.concurrent.Awaited;
import io.holdfast.spi.reload.Reloader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What the sockets do with each request: {@code /_ping} and {@code /version} are answered here from the moment the
 * sockets open ({@link SystemAnswers}), {@code POST /system/reload} too (a reload may swap the
 * bundle that answers everything else), and so are the shell's sessions ({@code /holdfast/shell/...}, which must
 * outlive such a swap); every other request goes to the engine's handler, the one
 * {@code bundles/api-routes} offers. While no handler is offered (its bundle, or the supervisor it needs, is being
 * swapped) a request waits for the next one, up to {@code patience}, then gets 503; a handler that declines (its
 * revision is closing) is dropped and the request waits for the next.
 *
 * <pre>{@code
 * Dispatcher dispatcher = new Dispatcher(Duration.ofSeconds(30), new SystemAnswers(() -> context),
 *         () -> reloader, () -> shell);
 * dispatcher.arrived(handler);   // from the service reference; gone(handler) when it leaves
 * server.setHandler(dispatcher);
 * }</pre>
 */
final class Dispatcher extends Handler.Abstract {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    /** Revisions that may decline one request in a row (each is closing); more would mean something is wrong. */
    private static final int ATTEMPTS = 3;

    private final Duration patience;
    private final SystemAnswers system;
    private final Supplier<Reloader> reloader;
    private final Supplier<ShellHost> shell;
    private final Awaited<Handler> slot = new Awaited<>();
    private final PeerWatch peers = new PeerWatch();
    private final RequestTimings timings = new RequestTimings();

    Dispatcher(Duration patience, SystemAnswers system, Supplier<Reloader> reloader, Supplier<ShellHost> shell) {
        this.patience = patience;
        this.system = system;
        this.reloader = reloader;
        this.shell = shell;
    }

    void arrived(Handler handler) {
        slot.set(handler);
    }

    void gone(Handler handler) {
        slot.unset(handler);
    }

    /** How long requests take, by route (offered to the metrics bundle). */
    RequestTimings timings() {
        return timings;
    }

    boolean hasHandler() {
        return slot.present();
    }

    /** Stops watching for clients that hang up (the sockets are closing). */
    void close() {
        peers.close();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return route(request, response, timings.timed(
                ApiRoute.of(request.getMethod(), Request.getPathInContext(request)), callback));
    }

    private boolean route(Request request, Response response, Callback callback) throws Exception {
        system.identify(response);
        if (system.answer(request, response, callback)) {
            return true;
        }
        if (ReloadEndpoint.matches(request)) {
            ReloadEndpoint.serve(reloader.get(), request, response, callback);
            return true;
        }
        if (ShellEndpoint.matches(request)) {
            ShellEndpoint.serve(shell.get(), request, response, callback);
            return true;
        }
        peers.track(request);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Handler handler = slot.await(patience);
            if (handler == null) {
                break;
            }
            if (handler.handle(request, response, callback)) {
                return true;
            }
            slot.unset(handler); // a revision that is closing declined it: wait for the next one
        }
        LOG.warning("no API handler for " + patience.toSeconds() + " s");
        response.setStatus(503);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(("{\"message\":\"the engine's API handler (api-routes bundle) is not"
                + " running; see the engine log\"}").getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
