package io.holdfast.supervisor.api;

import io.holdfast.common.osgi.FatalError;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.image.Images;
import io.holdfast.spi.logs.ContainerLogs;
import io.holdfast.spi.reload.Reloader;
import io.holdfast.spi.restore.RestoreControl;
import io.holdfast.spi.restore.RestoreReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The HTTP API on the Unix sockets daemon.json names (mode 0660), shaped after Docker Engine API v1.41. The sockets
 * open only once a restore report exists, so the first answer any client gets already reflects every container the
 * monitors hold; afterwards they stay open even while the restore bundle is swapped.
 */
@Component(immediate = true)
public class ApiServer {
    private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());

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

    private final Router router = new Router();
    private Server server;
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
        new ReloadRoutes(reloader).register(router);
        synchronized (this) {
            if (restored) {
                openOrEndTheEngine(); // the report was bound before we were activated
            }
        }
    }

    /** Away while the restore bundle is swapped; requests wait for its next revision. */
    private final HeldService<RestoreControl> restoreControl = new HeldService<>("the restore bundle",
            Duration.ofSeconds(30));

    /** Away only if the reload bundle is; a reload never swaps it. */
    private final HeldService<Reloader> reloader = new HeldService<>("the reload bundle", Duration.ofSeconds(30));

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unsetReloader")
    void setReloader(Reloader service) {
        reloader.set(service);
    }

    void unsetReloader(Reloader service) {
        reloader.unset(service);
    }

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
        if (server == null && context != null) {
            openOrEndTheEngine();
        }
    }

    synchronized void unsetRestoreReport(RestoreReport gone) {
        // the API stays open once it has opened: a restore bundle being swapped must not close it; the last
        // report stays readable until a newer one replaces it
    }

    @Deactivate
    synchronized void deactivate() throws Exception {
        if (server != null) {
            server.stop();
            for (String host : config.hosts()) {
                Files.deleteIfExists(socketPath(host));
            }
        }
    }

    /** An engine without its API cannot be driven: a socket that cannot be served ends the engine. */
    private void openOrEndTheEngine() {
        try {
            open();
        } catch (Exception e) {
            server = null;
            FatalError.report(context, "cannot serve the API: " + e.getMessage());
        }
    }

    private void open() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("holdfast-api");
        threads.setDaemon(true);
        server = new Server(threads);
        for (String host : config.hosts()) {
            Path socket = socketPath(host);
            Files.createDirectories(socket.getParent());
            if (answers(socket)) {
                throw new IOException(host + " is in use by another process; stop it or pass another -H");
            }
            Files.deleteIfExists(socket); // left by an engine that was killed
            UnixDomainServerConnector connector = new UnixDomainServerConnector(server);
            connector.setUnixDomainPath(socket);
            server.addConnector(connector);
        }
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                serve(request, response, callback);
                return true;
            }
        });
        server.start();
        for (String host : config.hosts()) {
            Files.setPosixFilePermissions(socketPath(host), PosixFilePermissions.fromString("rw-rw----"));
        }
        LOG.info(() -> "API listening on " + String.join(", ", config.hosts()));
    }

    private void serve(Request request, Response response, Callback callback) {
        ApiExchange exchange = new ApiExchange(request, response, Router.stripVersion(Request.getPathInContext(request)));
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

    /** Whether something already listens on {@code socket} (a killed engine's stale file refuses connections). */
    private static boolean answers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (var channel = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            return channel.connect(java.net.UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }

    private static Path socketPath(String host) {
        return Path.of(host.substring("unix://".length()));
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
