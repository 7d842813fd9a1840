package io.holdfast.api;

import io.holdfast.api.shell.ShellHost;
import io.holdfast.common.io.InheritedSocket;
import io.holdfast.common.io.UnixSockets;
import io.holdfast.common.osgi.FatalError;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.metrics.MetricSource;
import io.holdfast.spi.reload.Reloader;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The API's Unix sockets (daemon.json's {@code hosts}, mode 0660). This bundle is resident: a reload never swaps it,
 * so the sockets stay open while the bundle that answers requests ({@code bundles/api-routes}, which registers a
 * Jetty {@link Handler} service with {@code holdfast.api=engine}) or the supervisor it needs is swapped; a request
 * that arrives meanwhile waits for the new handler ({@link Dispatcher}). Until this bundle has its configuration,
 * the launcher serves the sockets (it binds the hosts, or has systemd's); this bundle then takes them over with the
 * connections the launcher held ({@link EarlyConnections}): {@code /_ping} and {@code /version} are answered at once
 * ({@link SystemAnswers}), and every other request waits for the first handler, which is registered only after the
 * restore has run, so no answer is given from state not yet restored. A socket that cannot be served ends the
 * engine. A listening socket handed over by systemd ({@link InheritedSocket}) is served as it is, instead of binding
 * the host of the same path; systemd is told the engine is ready ({@link ServiceManagerNotice}) when the first
 * handler arrives.
 */
@Component(immediate = true)
public class ApiSockets {
    private static final Logger LOG = Logger.getLogger(ApiSockets.class.getName());
    static final String HANDLER_FILTER = "(holdfast.api=engine)";

    /** Hosts need a restart, so the first configuration's are the ones served; later ones only change other keys. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DaemonConfig config;

    /** How long a request waits for the engine's handler while it is swapped (a swap takes well under 1 s). */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Reloader reloader;

    /** The shell's sessions live in this bundle too; the component is optional only because it needs Gogo. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ShellHost shell;

    private volatile BundleContext context;
    private final Dispatcher dispatcher = new Dispatcher(PATIENCE, new SystemAnswers(() -> context), () -> reloader,
            () -> shell);
    private boolean readyTold;
    private List<String> hosts;
    /** The hosts this engine binds itself: all but the one a service manager handed over. */
    private List<String> bound = List.of();
    private Server server;
    private org.osgi.framework.ServiceRegistration<MetricSource> timings;

    @Activate
    void activate(BundleContext bundleContext) {
        hosts = config.hosts();
        synchronized (this) {
            context = bundleContext;
            timings = bundleContext.registerService(MetricSource.class, dispatcher.timings(), null);
        }
        openOnce();
        if (dispatcher.hasHandler()) {
            tellReadyOnce(); // the handler was bound before activation
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = HANDLER_FILTER, unbind = "handlerGone")
    void handlerArrived(Handler handler) {
        dispatcher.arrived(handler);
        tellReadyOnce();
    }

    /** The service manager's READY: the restore has run and requests are answered, not only held. */
    private synchronized void tellReadyOnce() {
        if (server != null && !readyTold) {
            readyTold = true;
            ServiceManagerNotice.ready();
        }
    }

    void handlerGone(Handler handler) {
        dispatcher.gone(handler);
    }

    @Deactivate
    synchronized void deactivate() throws Exception {
        timings.unregister();
        dispatcher.close();
        if (server != null) {
            server.stop();
            UnixSockets.remove(bound); // an inherited socket's file is systemd's: it keeps listening on it
        }
    }

    /**
     * The sockets the launcher bound for {@code hosts}, now that this bundle's own are published over their paths:
     * what connected to them since the launcher stopped accepting waits in their backlog and is served here, then
     * they are closed (new clients reach this bundle's sockets by the same paths). One for a host this configuration
     * does not have is closed and its file removed. Returns how many connections were waiting.
     */
    private int takeOver(DockerClientConnector connector, Map<Path, ServerSocketChannel> launcherBound)
            throws java.io.IOException {
        Set<Path> published = bound.stream().map(UnixSockets::path).collect(java.util.stream.Collectors.toSet());
        int waiting = 0;
        for (var entry : launcherBound.entrySet()) {
            try (ServerSocketChannel socket = entry.getValue()) {
                if (!published.contains(entry.getKey())) {
                    java.nio.file.Files.deleteIfExists(entry.getKey());
                    continue;
                }
                socket.configureBlocking(false);
                for (SocketChannel connection = socket.accept(); connection != null; connection = socket.accept()) {
                    adopt(connector, connection, ByteBuffer.allocate(0));
                    waiting++;
                }
            }
        }
        return waiting;
    }

    /** A connection that cannot be served is closed: its client sees the hang-up, and the others are served. */
    private static void adopt(DockerClientConnector connector, SocketChannel channel, ByteBuffer read) {
        try {
            connector.adopt(channel, read);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warning(() -> "a connection held while the engine started cannot be served, closed: " + e);
            try {
                channel.close();
            } catch (java.io.IOException ignored) {
                // closed anyway
            }
        }
    }

    private synchronized void openOnce() {
        if (server != null || context == null) {
            return;
        }
        List<Path> staged = new java.util.ArrayList<>();
        Map<Path, ServerSocketChannel> launcherBound = Map.of();
        try {
            java.util.Optional<Path> inherited = InheritedSocket.path();
            bound = hosts.stream().filter(h -> inherited.isEmpty() || !UnixSockets.path(h).equals(inherited.get()))
                    .toList();
            // the launcher served the sockets until now: it stops, and gives what it held and the sockets it bound
            Map<SocketChannel, ByteBuffer> early = EarlyConnections.take(context);
            launcherBound = EarlyConnections.boundByLauncher(context);
            Set<Path> ours = launcherBound.keySet(); // they answer, being this engine's: not another's to refuse
            UnixSockets.claim(bound.stream().filter(h -> !ours.contains(UnixSockets.path(h))).toList());
            QueuedThreadPool threads = new QueuedThreadPool(64, 4);
            threads.setName("holdfast-api");
            threads.setDaemon(true);
            server = new Server(threads);
            List<DockerClientConnector> connectors = new java.util.ArrayList<>();
            if (inherited.isPresent()) {
                DockerClientConnector connector = new DockerClientConnector(server);
                connector.setInheritChannel(true);
                connector.setUnixDomainPath(InheritedSocket.unboundName(inherited.get()));
                connectors.add(connector);
            }
            for (String host : bound) {
                Path socket = UnixSockets.staged(host);
                staged.add(socket);
                DockerClientConnector connector = new DockerClientConnector(server);
                connector.setUnixDomainPath(socket);
                connectors.add(connector);
            }
            connectors.forEach(server::addConnector);
            server.setHandler(dispatcher);
            server.setErrorHandler(new JsonErrorHandler());
            server.start();
            DockerClientConnector first = connectors.get(0);
            early.forEach((connection, read) -> adopt(first, connection, read));
            for (int i = 0; i < bound.size(); i++) {
                UnixSockets.publish(staged.get(i), bound.get(i));
            }
            int waiting = takeOver(first, launcherBound);
            int adopted = early.size() + waiting;
            LOG.info(() -> "API listening on " + String.join(", ", bound)
                    + inherited.map(path -> (bound.isEmpty() ? "" : ", ") + "unix://" + path
                            + " (the socket the service manager holds)").orElse("")
                    + "; " + adopted + " connection(s) taken over from the launcher");
        } catch (Exception e) {
            server = null;
            for (ServerSocketChannel socket : launcherBound.values()) {
                try {
                    socket.close();
                } catch (java.io.IOException leftOver) {
                    e.addSuppressed(leftOver);
                }
            }
            for (Path socket : staged) {
                try {
                    UnixSockets.discard(socket);
                } catch (java.io.IOException leftOver) {
                    e.addSuppressed(leftOver);
                }
            }
            FatalError.report(context, "cannot serve the API: " + e.getMessage());
        }
    }
}
