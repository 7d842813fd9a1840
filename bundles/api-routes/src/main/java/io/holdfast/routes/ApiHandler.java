package io.holdfast.routes;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.events.EngineEvents;
import io.holdfast.spi.image.Images;
import io.holdfast.spi.logs.ContainerLogs;
import io.holdfast.spi.restore.RestoreControl;
import io.holdfast.spi.restore.RestoreReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Handler;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Offers the HTTP API, shaped after Docker Engine API v1.41, as a Jetty {@link Handler} service
 * ({@code holdfast.api=engine}) to the resident sockets of {@code bundles/api}, and only once a restore report
 * exists, so the first answer any client gets already reflects every container the monitors hold. It answers with
 * the SPI services bound here, whoever registers them. When this bundle, or the supervisor it needs, is swapped, the
 * sockets stay open and hold requests until the next activation offers itself.
 */
@Component(immediate = true)
public class ApiHandler {
    private static final Logger LOG = Logger.getLogger(ApiHandler.class.getName());
    static final String SERVICE_PROPERTY = "holdfast.api";
    static final String SERVICE_VALUE = "engine";
    private static final long IN_FLIGHT_WAIT_MILLIS = 10_000;

    /** Dynamic: a reload replaces the configuration service without restarting this component. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DaemonConfig config;
    private Containers containers;
    /** The engine's version: that of the bundle whose container lifecycle the API fronts (the supervisor's). */
    private String engineVersion;
    @Reference
    private Images images;
    /**
     * Optional and dynamic: the supervisor registers it once its first restore is done, and this component must not
     * wait for it (its activation is what lets the restore service bind to the supervisor without a cycle).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile io.holdfast.spi.volume.Volumes volumes;
    @Reference
    private io.holdfast.spi.image.ImageContent imageContent;
    @Reference
    private ContainerLogs logs;
    /** Optional: without the registry bundle the API still serves everything but pull and push. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile io.holdfast.spi.registry.ImageDistribution distribution;
    /** Live as long as this bundle: long requests move through them to the next supervisor and keep their threads. */
    @Reference
    private SupervisorRevisions revisions;
    @Reference
    private StreamThreads streamThreads;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EngineEvents events;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile io.holdfast.spi.network.UserNetworks networks;

    /** Away while the restore bundle is swapped; requests wait for its next revision. */
    private final HeldService<RestoreControl> restoreControl = new HeldService<>("the restore bundle",
            Duration.ofSeconds(30));
    private volatile RestoreReport report;

    private EngineApi api;
    private ServiceRegistration<Handler> registration;
    private BundleContext context;
    private boolean restored;

    @Activate
    void activate(BundleContext bundleContext) throws Exception {
        EngineVersion version = new EngineVersion(engineVersion, EngineId.in(Path.of(config.dataRoot())));
        synchronized (this) {
            context = bundleContext;
            api = new EngineApi(RouteTable.of(version, new BoundServices()));
            if (restored) {
                offer(); // the report was bound before we were activated
            }
        }
    }

    /**
     * Static: when the supervisor is swapped this component is deactivated (the sockets hold requests meanwhile) and
     * activated again with its next revision, whose version {@code /version} then reports, as it did when the routes
     * lived in the supervisor.
     */
    @Reference
    void setContainers(Containers lifecycle, ServiceReference<Containers> reference) {
        containers = lifecycle;
        engineVersion = reference.getBundle().getVersion().toString();
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
    synchronized void setRestoreReport(RestoreReport latest) {
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
        EngineApi closing;
        synchronized (this) {
            if (registration != null) {
                registration.unregister(); // new requests now wait for the next activation
            }
            closing = api;
        }
        // not holding this object's lock: a request finishing meanwhile may need it (a restore report arriving)
        int unfinished = closing.close(IN_FLIGHT_WAIT_MILLIS);
        if (unfinished > 0) {
            LOG.warning(unfinished + " API request(s) still running after " + IN_FLIGHT_WAIT_MILLIS / 1000
                    + " s while the API handler stops");
        }
    }

    /** Offers the API to the resident sockets (bundles/api), once: from then on it stays offered. */
    private void offer() {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(SERVICE_PROPERTY, SERVICE_VALUE);
        registration = context.registerService(Handler.class, api, properties);
    }

    /** The services bound to this component, read on each request. */
    private final class BoundServices implements ApiServices {
        @Override
        public DaemonConfig config() {
            return config;
        }

        @Override
        public Containers containers() {
            return containers;
        }

        @Override
        public java.util.concurrent.CompletableFuture<Containers> containersAfter(Containers previous) {
            return revisions.after(previous);
        }

        @Override
        public StreamThreads streams() {
            return streamThreads;
        }

        @Override
        public Images images() {
            return images;
        }

        @Override
        public io.holdfast.spi.image.ImageContent imageContent() {
            return imageContent;
        }

        @Override
        public io.holdfast.spi.registry.ImageDistribution distribution() {
            io.holdfast.spi.registry.ImageDistribution bound = distribution;
            return bound != null ? bound : ApiServices.super.distribution();
        }

        @Override
        public io.holdfast.spi.volume.Volumes volumes() {
            io.holdfast.spi.volume.Volumes bound = volumes;
            if (bound == null) {
                throw new io.holdfast.spi.container.EngineException(
                        io.holdfast.spi.container.EngineException.Kind.FAILED,
                        "volumes are not available right now (the supervisor bundle is starting or being swapped)");
            }
            return bound;
        }

        @Override
        public ContainerLogs logs() {
            return logs;
        }

        @Override
        public EngineEvents events() {
            return events;
        }

        @Override
        public RestoreReport restoreReport() {
            return report;
        }

        @Override
        public RestoreControl restoreControl() {
            return restoreControl.get();
        }

        @Override
        public io.holdfast.spi.network.UserNetworks networks() {
            return networks;
        }
    }
}
