package io.holdfast.supervisor.api;

import io.holdfast.common.concurrent.InFlight;
import io.holdfast.common.text.ApiPaths;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.image.Images;
import io.holdfast.spi.logs.ContainerLogs;
import io.holdfast.spi.restore.RestoreControl;
import io.holdfast.spi.restore.RestoreReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The HTTP API, shaped after Docker Engine API v1.41: routes every request to its handler. It is offered as a Jetty
 * {@link Handler} service ({@code holdfast.api=engine}) to the resident sockets of {@code bundles/api}, and only once
 * a restore report exists, so the first answer any client gets already reflects every container the monitors hold.
 * When this bundle is swapped, the sockets stay open and hold requests until the next revision offers itself.
 */
@Component(immediate = true)
public class ApiHandler {
    private static final Logger LOG = Logger.getLogger(ApiHandler.class.getName());

    /** Dynamic: a reload replaces the configuration service without restarting this component. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DaemonConfig config;
    @Reference
    private Containers containers;
    @Reference
    private Images images;
    @Reference
    private ContainerLogs logs;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile io.holdfast.spi.events.EngineEvents events;

    private static final long IN_FLIGHT_WAIT_MILLIS = 10_000;

    private final Router router = new Router();
    /** Requests this revision answers; streams stop counting once they stream (they may last for hours). */
    private final InFlight inFlight = new InFlight();
    private ServiceRegistration<Handler> registration;
    private BundleContext context;
    private boolean restored;
    private volatile RestoreReport report;
    private String serverVersion;

    @Activate
    void activate(BundleContext bundleContext) throws Exception {
        context = bundleContext;
        serverVersion = bundleContext.getBundle().getVersion().toString();
        EngineVersion version = new EngineVersion(bundleContext.getBundle().getVersion().toString(),
                bundleContext.getProperty("holdfast.commit") == null ? "unknown"
                        : bundleContext.getProperty("holdfast.commit"), engineId());
        new SystemRoutes(version, () -> config, () -> containers, () -> images).register(router);
        new ContainerRoutes(() -> containers, () -> logs).register(router);
        new ImageRoutes(() -> images, () -> containers).register(router);
        new EventRoutes(() -> events).register(router);
        new RestoreRoutes(() -> report, restoreControl).register(router);
        synchronized (this) {
            if (restored) {
                offer(); // the report was bound before we were activated
            }
        }
    }

    /** Away while the restore bundle is swapped; requests wait for its next revision. */
    private final HeldService<RestoreControl> restoreControl = new HeldService<>("the restore bundle",
            Duration.ofSeconds(30));

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unsetRestoreControl")
    void setRestoreControl(RestoreControl control) {
        restoreControl.set(control);
    }

    void unsetRestoreControl(RestoreControl control) {
        restoreControl.unset(control);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    synchronized void setRestoreReport(RestoreReport latest) throws Exception {
        report = latest;
        restored = true;
        if (registration == null && context != null) {
            offer();
        }
    }

    synchronized void unsetRestoreReport(RestoreReport gone) {
        // the API stays open once it has opened: a restore bundle being swapped must not close it; the last
        // report stays readable until a newer one replaces it
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        synchronized (this) {
            if (registration != null) {
                registration.unregister(); // new requests now wait for the next revision
            }
        }
        // not holding this object's lock: a request finishing meanwhile may need it (a restore report arriving)
        int unfinished = inFlight.closeAndAwait(IN_FLIGHT_WAIT_MILLIS);
        if (unfinished > 0) {
            LOG.warning(unfinished + " API request(s) still running after " + IN_FLIGHT_WAIT_MILLIS / 1000
                    + " s while the API handler stops");
        }
    }

    /** Offers the API to the resident sockets (bundles/api), once: from then on it stays offered. */
    private void offer() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("holdfast.api", "engine");
        registration = context.registerService(Handler.class, new Handler.Abstract() {
            /** False once this revision is closing: the sockets then hand the request to the next revision. */
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return serve(request, response, callback);
            }
        }, properties);
    }

    private boolean serve(Request request, Response response, Callback callback) {
        if (!inFlight.tryEnter()) {
            return false;
        }
        java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean(true);
        Runnable leave = () -> {
            if (counted.getAndSet(false)) {
                inFlight.leave();
            }
        };
        try {
            route(request, response, callback, leave);
        } finally {
            leave.run();
        }
        return true;
    }

    private void route(Request request, Response response, Callback callback, Runnable onStreaming) {
        ApiExchange exchange = new ApiExchange(request, response, ApiPaths.withoutVersion(Request.getPathInContext(request)));
        exchange.onStreaming(onStreaming);
        // Docker clients negotiate their API version from these headers; without them they fall back to 1.24
        response.getHeaders().put("Api-Version", SystemRoutes.API_VERSION);
        response.getHeaders().put("Ostype", "linux");
        response.getHeaders().put("Server", "Holdfast/" + serverVersion);
        try {
            Router.Handler handler = router.find(exchange);
            if (handler == null) {
                exchange.sendError(404, "page not found: " + exchange.path());
            } else {
                handler.handle(exchange);
            }
            callback.succeeded();
        } catch (EngineException e) {
            sendError(exchange, callback, status(e.kind()), e.getMessage());
        } catch (IllegalArgumentException e) {
            sendError(exchange, callback, 400, e.getMessage());
        } catch (Exception e) {
            LOG.log(Level.WARNING, request.getMethod() + " " + exchange.path() + " failed", e);
            sendError(exchange, callback, 500, String.valueOf(e.getMessage()));
        }
    }

    private static void sendError(ApiExchange exchange, Callback callback, int status, String message) {
        try {
            exchange.sendError(status, message);
            callback.succeeded();
        } catch (Exception e) {
            callback.failed(e); // the response had already started (a stream broke off)
        }
    }

    private static int status(EngineException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FAILED -> 500;
        };
    }

    /** A random id kept in the data root, so it survives engine restarts like Docker's engine ID. */
    private String engineId() throws IOException {
        Path file = Path.of(config.dataRoot(), "engine-id");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        String id = UUID.randomUUID().toString();
        io.holdfast.common.io.AtomicFile.write(file, id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return id;
    }
}
