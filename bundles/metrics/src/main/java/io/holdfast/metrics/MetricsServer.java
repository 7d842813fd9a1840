package io.holdfast.metrics;

import io.holdfast.spi.config.ComponentConfig;
import io.holdfast.spi.config.ConfigKeys;
import io.holdfast.spi.config.InvalidValueException;
import io.holdfast.spi.metrics.MetricSource;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Serves {@link MetricsEndpoint} at {@code metrics-addr} while the key is set; a reload that changes the key moves
 * the server (or stops it). Sources come and go as their bundles are swapped; each scrape asks those present.
 * A server that cannot start (the port is taken) is logged and leaves the engine running without metrics.
 */
@Component(immediate = true)
public class MetricsServer {
    private static final Logger LOG = Logger.getLogger(MetricsServer.class.getName());

    private final List<MetricSource> sources = new CopyOnWriteArrayList<>();
    private MetricsAddress serving;
    private Server server;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "sourceGone")
    void sourceArrived(MetricSource source) {
        sources.add(source);
    }

    void sourceGone(MetricSource source) {
        sources.remove(source);
    }

    @Reference(target = "(" + ConfigKeys.OWNER + "=" + MetricsKeys.OWNER + ")", policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unconfigured")
    synchronized void configured(ComponentConfig config) {
        String value = (String) config.values().getOrDefault(MetricsAddress.KEY, "");
        MetricsAddress wanted;
        try {
            wanted = value.isEmpty() ? null : MetricsAddress.parse(value);
        } catch (InvalidValueException e) {
            throw new IllegalStateException("checked by MetricsKeys: " + e.getMessage(), e);
        }
        if (!Objects.equals(wanted, serving)) {
            stop();
            if (wanted != null) {
                start(wanted);
            }
        }
    }

    /** A greedy reference binds the new configuration before it unbinds the old: nothing to do here. */
    void unconfigured(ComponentConfig config) {
    }

    @Deactivate
    synchronized void deactivate() {
        stop();
    }

    private void start(MetricsAddress address) {
        QueuedThreadPool threads = new QueuedThreadPool(8, 1);
        threads.setName("holdfast-metrics");
        threads.setDaemon(true);
        Server next = new Server(threads);
        try {
            if (address.isUnix()) {
                clearStale(address);
                UnixDomainServerConnector connector = new UnixDomainServerConnector(next);
                connector.setUnixDomainPath(address.socket());
                next.addConnector(connector);
            } else {
                ServerConnector connector = new ServerConnector(next, 1, 1);
                connector.setHost(address.host());
                connector.setPort(address.port());
                next.addConnector(connector);
            }
            next.setHandler(new MetricsEndpoint(() -> sources));
            next.start();
            if (address.isUnix()) {
                // owner and group, as the API socket: the metrics tell what runs on the host
                Files.setPosixFilePermissions(address.socket(), PosixFilePermissions.fromString("rw-rw----"));
            }
            server = next;
            serving = address;
            LOG.info(() -> "metrics served at " + address + "/metrics");
        } catch (Exception e) {
            try {
                next.stop();
            } catch (Exception stopping) {
                e.addSuppressed(stopping);
            }
            LOG.severe("metrics-addr " + address + ": cannot serve the metrics there (" + e.getMessage()
                    + "); the engine runs on without them");
        }
    }

    private void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop(); // Jetty removes a Unix socket's file as it closes it
        } catch (Exception e) {
            LOG.warning("cannot stop the metrics server at " + serving + ": " + e.getMessage());
        }
        LOG.info(() -> "metrics no longer served at " + serving);
        server = null;
        serving = null;
    }

    /** Removes a socket file a killed engine left (nothing answers on it); refuses anything else at the path. */
    private static void clearStale(MetricsAddress address) throws IOException {
        java.nio.file.Path socket = address.socket();
        if (!Files.exists(socket, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(socket.getParent());
            return;
        }
        if (!Files.readAttributes(socket, java.nio.file.attribute.BasicFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther()) {
            throw new IOException(socket + " exists and is not a socket");
        }
        boolean answers;
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            answers = probe.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException refused) {
            answers = false;
        }
        if (answers) {
            throw new IOException(socket + " is in use by another process");
        }
        Files.delete(socket);
    }
}
