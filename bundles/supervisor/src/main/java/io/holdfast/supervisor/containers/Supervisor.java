package io.holdfast.supervisor.containers;

import io.holdfast.common.osgi.BundlesStarted;
import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.ContainerSpec;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.ExecRecord;
import io.holdfast.spi.container.ExecSpec;
import io.holdfast.spi.container.FileChange;
import io.holdfast.spi.container.ResourceLimits;
import io.holdfast.spi.container.RestartPolicy;
import io.holdfast.spi.image.Images;
import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.monitor.ExecExitListener;
import io.holdfast.spi.monitor.ExecStatus;
import io.holdfast.spi.monitor.MonitorException;
import io.holdfast.spi.monitor.MonitorExitListener;
import io.holdfast.spi.monitor.MonitorStatus;
import io.holdfast.spi.network.NetworkBridge;
import io.holdfast.spi.restore.PluginCheck;
import io.holdfast.spi.restore.RestoreControl;
import io.holdfast.spi.restore.RestoreOutcome;
import io.holdfast.spi.restore.RestoreReport;
import io.holdfast.spi.restore.RestoreTarget;
import io.holdfast.spi.storage.StorageDriver;
import io.holdfast.supervisor.archive.FileChanges;
import io.holdfast.supervisor.oci.OciBundle;
import io.holdfast.supervisor.state.ContainerStore;
import io.holdfast.supervisor.state.DataRootLayout;
import io.holdfast.supervisor.state.ExecStore;
import io.holdfast.supervisor.volumes.VolumeService;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The supervisor: owns the container records and their lifecycle, serves it as {@link Containers}, takes the restore
 * bundle's findings as {@link RestoreTarget}, and hears monitor exits as a {@link MonitorExitListener}. It owns the
 * bindings a restore depends on (shim, storage drivers, network bridges, the restore service itself) and asks for a
 * restore whenever one arrives.
 *
 * <p>The shim and the restorer call back into the supervisor (exit listeners, restore target) while the supervisor
 * binds both: as Declarative Services components that is a cycle, which the component runtime (SCR) breaks by
 * leaving a binding for later: now and then (in one CI run of three) a start never became ready. Registered by hand
 * ({@link #publish}), these services are plain objects whose use never enters this component's activation, and the
 * graph has no cycle ({@code ComponentGraphTest} keeps it so).
 *
 * <p>Live exits are held back until the restore has run, so that the restore's view of who exited while the engine
 * was down is the one that counts; afterwards they are applied as they come.
 */
@Component(service = {}, immediate = true) // its services are registered by hand: see publish()
public class Supervisor implements Containers, RestoreTarget, MonitorExitListener, ExecExitListener {
    private static final Logger LOG = Logger.getLogger(Supervisor.class.getName());

    private final Plugins plugins = new Plugins();
    private final ExitWaiters waiters = new ExitWaiters();
    private final java.util.Queue<MonitorStatus> heldExits = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile boolean restored;

    /** Dynamic: a reload replaces the configuration service without restarting this component. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DaemonConfig config;
    /**
     * Optional and dynamic, like the restore service and the plugins: the shim bundle may be updated by a reload, and
     * the supervisor (with the API that needs it) keeps running through the swap. The API opens only after the first
     * restore, which needs a shim.
     */
    private volatile ContainerMonitor shim;
    private final ContainerMonitor monitor = new BoundMonitor(() -> shim);
    private volatile RestoreControl restorer;
    private final RestoreRequests restoreRequests = new RestoreRequests(this::restoreIfReady, this::restoreWaitsFor,
            Duration.ofSeconds(30));
    /** Set by the arrival of a shim or a restore service (the first ones too): each wants a whole restore run. */
    private final java.util.concurrent.atomic.AtomicBoolean wholeRunWanted = new java.util.concurrent.atomic
            .AtomicBoolean(true);
    private volatile RestoreReport lastReport;
    private volatile boolean active;
    @Reference
    private Images images;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile io.holdfast.spi.events.EngineEvents eventJournal;
    private final EventPublisher events = new EventPublisher(() -> eventJournal);

    private ContainerTable table;
    /** Records that could not be loaded at activation, reported by every restore (see {@link #unreadableRecords}). */
    private java.util.Map<String, String> unreadable = java.util.Map.of();
    private ContainerFactory factory;
    private Lifecycle lifecycle;
    private RestoreSteps restoreSteps;
    private Execs execs;
    private Terminals terminals;
    private HealthChecks healthChecks;
    private ContainerResources resources;
    private Pruner pruner;
    private NetworkConnections connections;
    private ScheduledExecutorService restarts;
    private BundleContext context;
    private ServiceRegistration<RestoreReport> report;
    private VolumeService volumes;
    private ServiceRegistration<?> published;
    private ServiceRegistration<io.holdfast.spi.volume.Volumes> volumesRegistration;

    // ---- the bindings a restore depends on: each arrival asks for a restore, which takes it in

    /**
     * The launcher's word that every bundle has been started ({@link BundlesStarted}): the bundles start in parallel,
     * and the first restore must find every plugin there (and, after it, the configuration checks daemon.json's keys
     * against every component). Once seen it stays true: a reload's swaps leave the marker in place.
     */
    private volatile boolean bundlesStarted;

    @Reference(service = Object.class, target = BundlesStarted.FILTER, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, unbind = "bundlesStartedGone")
    void bundlesStarted(Object marker) {
        bundlesStarted = true;
        restoreRequests.request();
    }

    void bundlesStartedGone(Object marker) {
        // the framework is stopping
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "shimGone")
    void shimArrived(ContainerMonitor arrived) {
        shim = arrived;
        wholeRunWanted.set(true);
        restoreRequests.request();
    }

    void shimGone(ContainerMonitor gone) {
        if (shim == gone) {
            shim = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "restorerGone")
    void restorerArrived(RestoreControl arrived) {
        restorer = arrived;
        wholeRunWanted.set(true);
        restoreRequests.request();
    }

    void restorerGone(RestoreControl gone) {
        if (restorer == gone) {
            restorer = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addStorageDriver(StorageDriver driver) {
        plugins.add(driver);
        restoreRequests.request();
    }

    void removeStorageDriver(StorageDriver driver) {
        plugins.remove(driver);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addNetworkBridge(NetworkBridge bridge) {
        plugins.add(bridge);
        restoreRequests.request();
    }

    void removeNetworkBridge(NetworkBridge bridge) {
        plugins.remove(bridge);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addVolumeDriver(io.holdfast.spi.volume.VolumeDriver driver) {
        plugins.add(driver);
        restoreRequests.request();
    }

    void removeVolumeDriver(io.holdfast.spi.volume.VolumeDriver driver) {
        plugins.remove(driver);
    }

    /**
     * Serves a restore request once everything it needs is bound. A new shim or restore service, or containers waiting
     * for a plugin, take a whole restore run (with a new report); a plugin that arrives when nothing waits for it
     * takes only its own restore.
     */
    private boolean restoreIfReady() {
        if (!active || shim == null || !bundlesStarted) {
            return false;
        }
        RestoreReport last = lastReport;
        boolean waiting = last == null || last.count(RestoreOutcome.NEEDS_ATTENTION) > 0;
        if (wholeRunWanted.getAndSet(false) || waiting) {
            RestoreControl restore = restorer;
            if (restore == null) {
                wholeRunWanted.set(true);
                return false;
            }
            try {
                restore.restore();
            } catch (RuntimeException e) {
                wholeRunWanted.set(true);
                throw e;
            }
            return true;
        }
        restorePlugins().stream().filter(check -> !check.ok()).forEach(check -> LOG.warning(() -> "restore of "
                + check.kind() + " plugin " + check.name() + " failed: " + check.detail()));
        return true;
    }

    /** What {@link #restoreIfReady} finds missing, for the log of a restore that does not come. */
    private String restoreWaitsFor() {
        List<String> missing = new ArrayList<>();
        if (!active) {
            missing.add("the supervisor's activation");
        }
        if (shim == null) {
            missing.add("the shim's ContainerMonitor");
        }
        if (!bundlesStarted) {
            missing.add("the launcher's word that every bundle has started");
        }
        if (restorer == null) {
            missing.add("the restore bundle's RestoreControl");
        }
        return missing.isEmpty() ? "nothing any more (trying again now)" : String.join(", ", missing);
    }

    @Activate
    void activate(BundleContext bundleContext) throws IOException {
        context = bundleContext;
        ContainerStore store = new ContainerStore(DataRootLayout.of(config).containers());
        ContainerStore.Loaded loaded = store.load();
        unreadable = loaded.unreadable();
        table = new ContainerTable(store, loaded.records());
        volumes = new VolumeService(DataRootLayout.of(config), plugins::volumeDriver, () -> DataRootLayout.of(config),
                table::all);
        factory = new ContainerFactory(() -> config, images, plugins, table, events, volumes.containers());
        restarts = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "holdfast-after-exit"));
        lifecycle = new Lifecycle(() -> config, monitor, plugins, table, waiters, restarts, events,
                new io.holdfast.supervisor.ports.PortForwarders(DataRootLayout.of(config).ports()), volumes.containers());
        restoreSteps = new RestoreSteps(table, monitor, lifecycle, events);
        ExecStore execStore = new ExecStore(DataRootLayout.of(config).containers());
        execs = new Execs(table, new ExecTable(execStore, execStore.loadAll()), monitor, () -> config, events);
        terminals = new Terminals(table, execs, monitor);
        healthChecks = new HealthChecks(table, execs, events, java.time.Clock.systemUTC());
        resources = new ContainerResources(monitor);
        pruner = new Pruner(table, lifecycle, r -> DataRootLayout.of(config).storageHome(r.storageDriver())
                .resolve(r.id()), events);
        connections = new NetworkConnections(table, plugins, factory); // the factory's lock keeps restores out
        context.addBundleListener(engineShutdown);
        LOG.info(() -> "supervisor loaded " + table.all().size() + " container record(s); waiting for restore");
        active = true;
        publish();
        restoreRequests.request();
    }

    /**
     * Registers what this supervisor serves, once it is whole. A plain registration, not the component's: the shim
     * and the restorer that bind it (and call back into it) never wait on this component's activation.
     */
    private void publish() {
        published = context.registerService(new String[] {Containers.class.getName(), RestoreTarget.class.getName(),
            MonitorExitListener.class.getName(), ExecExitListener.class.getName()}, this, null);
        volumesRegistration = context.registerService(io.holdfast.spi.volume.Volumes.class, volumes, null);
    }

    /**
     * The framework announces its own stop synchronously before it stops any bundle, so every service is still
     * there: the moment to stop containers when live restore is off. A bundle update never fires it.
     */
    private final SynchronousBundleListener engineShutdown = event -> {
        if (event.getBundle().getBundleId() == 0 && event.getType() == BundleEvent.STOPPING && !config.liveRestore()) {
            stopAllForShutdown();
        }
    };

    @Deactivate
    void deactivate() throws InterruptedException {
        published.unregister(); // first, as the component's own services would be: users unbind while it works
        volumesRegistration.unregister();
        active = false;
        restoreRequests.close();
        context.removeBundleListener(engineShutdown);
        if (report != null) {
            report.unregister();
        }
        healthChecks.stop();
        restarts.shutdownNow();
        restarts.awaitTermination(5, TimeUnit.SECONDS);
        waiters.cancelAll(); // waits of this revision move to the next (the API asks it again)
    }

    /** live-restore off: stop every container as Docker does (SIGTERM, SIGKILL after the timeout), in parallel. */
    private void stopAllForShutdown() {
        List<ContainerRecord> running = table.all().stream().filter(r -> r.state().running()).toList();
        LOG.info(() -> "live-restore is off: stopping " + running.size() + " container(s)");
        if (running.isEmpty()) {
            return;
        }
        // a thread per container (up to 64): the common pool has one thread on two cores, and stops mostly wait
        ExecutorService stopping = Executors.newFixedThreadPool(Math.min(running.size(), 64),
                r -> new Thread(r, "holdfast-shutdown-stop"));
        try {
            List<CompletableFuture<Void>> stops = running.stream().map(r -> CompletableFuture.runAsync(() ->
                    lifecycle.stop(r.id(), Duration.ofSeconds(Math.min(r.spec().stopTimeoutSeconds(),
                            config.shutdownTimeoutSeconds())), false), stopping)).toList();
            stops.forEach(f -> f.exceptionally(e -> {
                LOG.warning("stop at shutdown failed: " + e.getMessage());
                return null;
            }).join());
        } finally {
            stopping.shutdownNow();
        }
    }

    // ---- Containers

    @Override
    public List<ContainerRecord> list() {
        return table.all();
    }

    @Override
    public ContainerRecord get(String ref) {
        return table.resolve(ref);
    }

    @Override
    public ContainerRecord create(ContainerSpec spec) {
        ContainerRecord created = factory.create(spec);
        new PeerHosts(table).refreshNetworkOf(created); // running containers of its network learn its name
        return created;
    }

    @Override
    public ContainerRecord start(String ref) {
        return lifecycle.start(table.resolve(ref).id());
    }

    @Override
    public ContainerRecord stop(String ref, Duration timeout) {
        return lifecycle.stop(table.resolve(ref).id(), timeout, true);
    }

    @Override
    public void kill(String ref, String signal) {
        lifecycle.signal(table.resolve(ref).id(), signal == null || signal.isEmpty() ? "KILL" : signal);
    }

    @Override
    public OutputStream openStdin(String ref) {
        ContainerRecord record = table.resolve(ref);
        if (!record.spec().stdin().open()) {
            throw new EngineException(Kind.INVALID, "container " + record.shortId()
                    + " was not created with an open stdin (OpenStdin, docker run -i)");
        }
        if (!record.state().running()) {
            throw new EngineException(Kind.CONFLICT, "Container " + record.shortId() + " is not running");
        }
        try {
            return monitor.openStdin(record.id());
        } catch (MonitorException e) {
            throw new EngineException(Kind.FAILED, e.getMessage(), e);
        }
    }

    @Override
    public ContainerRecord restart(String ref, Duration timeout) {
        return lifecycle.restart(table.resolve(ref).id(), timeout);
    }

    @Override
    public ContainerRecord rename(String ref, String newName) {
        ContainerRecord renamed = factory.rename(table.resolve(ref).id(), newName);
        new PeerHosts(table).refreshNetworkOf(renamed);
        return renamed;
    }

    @Override
    public ContainerRecord connect(String ref, String network, List<String> aliases, String ipv4Address) {
        ContainerRecord connected = connections.connect(table.resolve(ref).id(), network,
                aliases == null ? List.of() : aliases, ipv4Address);
        new PeerHosts(table).refreshNetworkOf(connected); // it and the network's containers learn each other
        events.network("connect", networkId(connected, network), network, connected.id());
        return connected;
    }

    @Override
    public ContainerRecord disconnect(String ref, String network, boolean force) {
        ContainerRecord before = connections.disconnect(table.resolve(ref).id(), network);
        new PeerHosts(table).refreshNetworkOf(before); // the network's containers forget it, and it them
        ContainerRecord after = table.byId(before.id());
        events.network("disconnect", networkId(before, network), network, before.id());
        return after;
    }

    /** The network's id as its bridge reported it in the connection, else its name (Docker's actor is the id). */
    private static String networkId(ContainerRecord record, String network) {
        var connection = record.connected().get(network);
        String id = connection == null ? null : connection.attachment().settings().get("NetworkID");
        return id == null || id.isEmpty() ? network : id;
    }

    @Override
    public ContainerRecord pause(String ref) {
        return lifecycle.pause(table.resolve(ref).id());
    }

    @Override
    public ContainerRecord unpause(String ref) {
        return lifecycle.unpause(table.resolve(ref).id());
    }

    @Override
    public io.holdfast.spi.container.ContainerTop top(String ref, String psArgs) {
        return resources.top(table.resolve(ref), psArgs);
    }

    @Override
    public io.holdfast.spi.container.ContainerStats stats(String ref) {
        return resources.stats(table.resolve(ref));
    }

    @Override
    public ContainerRecord update(String ref, ResourceLimits limits, RestartPolicy restartPolicy) {
        return lifecycle.update(table.resolve(ref).id(), limits, restartPolicy);
    }

    @Override
    public long sizeRw(String ref) {
        ContainerRecord record = table.resolve(ref);
        return Pruner.writableSize(DataRootLayout.of(config).storageHome(record.storageDriver()).resolve(record.id()));
    }

    @Override
    public io.holdfast.spi.container.PruneReport prune(java.util.function.Predicate<ContainerRecord> which) {
        return pruner.prune(which);
    }

    @Override
    public io.holdfast.spi.container.PathStat statPath(String ref, String path) {
        return archives(ref).stat(path);
    }

    @Override
    public void archive(String ref, String path, java.io.OutputStream out) {
        archives(ref).archive(path, out);
    }

    @Override
    public void extractArchive(String ref, String path, java.io.InputStream in, boolean keepTypes,
                               boolean keepOwners) {
        archives(ref).extract(path, in, keepTypes, keepOwners);
    }

    @Override
    public void export(String ref, java.io.OutputStream out) {
        archives(ref).export(out);
    }

    @Override
    public List<FileChange> changes(String ref) {
        ContainerRecord record = table.resolve(ref);
        Path imageRootfs = Path.of(images.resolve(record.imageId()).rootfs());
        try {
            return new FileChanges(Path.of(record.rootfs()), imageRootfs,
                    OciBundle.mountPoints(Path.of(record.bundleDir()))).list();
        } catch (IOException e) {
            throw new EngineException(Kind.FAILED, "cannot compare " + record.shortId() + " with its image: "
                    + e.getMessage(), e);
        }
    }

    /** The container's root file system as the host sees it: its storage driver keeps it mounted while it exists. */
    private io.holdfast.supervisor.archive.ContainerArchives archives(String ref) {
        ContainerRecord record = table.resolve(ref);
        return new io.holdfast.supervisor.archive.ContainerArchives(java.nio.file.Path.of(record.rootfs()),
                record.name());
    }

    @Override
    public void remove(String ref, boolean force) {
        lifecycle.remove(table.resolve(ref).id(), force, false);
    }

    @Override
    public void remove(String ref, boolean force, boolean removeVolumes) {
        lifecycle.remove(table.resolve(ref).id(), force, removeVolumes);
    }

    @Override
    public List<io.holdfast.spi.container.PortBinding> publishedPorts(String ref) {
        ContainerRecord record = table.resolve(ref);
        // most containers publish nothing: no file to look for on every list
        return record.spec().ports().toPublish().isEmpty() ? List.of() : lifecycle.publishedPorts(record.id());
    }

    @Override
    public CompletableFuture<Integer> awaitExit(String ref) {
        ContainerRecord record = table.resolve(ref);
        CompletableFuture<Integer> next = waiters.next(record.id());
        ContainerRecord now = table.byId(record.id());
        if (!now.state().running() && now.state().status() != io.holdfast.spi.container.ContainerStatus.RESTARTING) {
            waiters.forget(record.id(), next);
            next.complete(now.state().exitCode());
        }
        return next;
    }

    @Override
    public CompletableFuture<Integer> awaitNextExit(String ref) {
        return waiters.next(table.resolve(ref).id());
    }

    // ---- exec (Containers), ExecExitListener

    @Override
    public ExecRecord createExec(String ref, ExecSpec spec) {
        return execs.create(ref, spec);
    }

    @Override
    public ExecRecord startExec(String execId) {
        return execs.start(execId);
    }

    @Override
    public ExecRecord exec(String execId) {
        return execs.get(execId);
    }

    @Override
    public CompletableFuture<Integer> awaitExec(String execId) {
        return execs.await(execId);
    }

    @Override
    public void resize(String ref, int height, int width) {
        terminals.resizeContainer(ref, height, width);
    }

    @Override
    public void resizeExec(String execId, int height, int width) {
        terminals.resizeExec(execId, height, width);
    }

    @Override
    public OutputStream openExecStdin(String execId) {
        return terminals.openExecStdin(execId);
    }

    @Override
    public void execExited(ExecStatus ended) {
        execs.exited(ended);
    }

    // ---- MonitorExitListener

    @Override
    public void exited(MonitorStatus ended) {
        if (!restored) {
            heldExits.add(ended);
            return;
        }
        lifecycle.exited(ended, false);
    }

    // ---- RestoreTarget

    @Override
    public List<ContainerRecord> records() {
        return table.all();
    }

    @Override
    public java.util.Map<String, String> unreadableRecords() {
        return unreadable;
    }

    @Override
    public ContainerMonitor monitor() {
        return monitor;
    }

    @Override
    public List<PluginCheck> restorePlugins() {
        synchronized (factory) { // creates hold the factory: plugins never see a half-made container
            List<PluginCheck> checks = plugins.restoreArrived(table.all(), this::orphans, DataRootLayout.of(config),
                    new VolumeRestore(volumes));
            new PeerHosts(table).refreshAll();
            return checks;
        }
    }

    /** Containers a monitor or a runtime holds that no record knows about. */
    private java.util.Set<String> orphans() {
        java.util.Collection<MonitorStatus> unmonitored;
        try {
            unmonitored = monitor.unmonitored();
        } catch (io.holdfast.spi.monitor.MonitorException e) {
            LOG.warning("cannot list the runtimes' containers; only monitors' orphans are kept: " + e.getMessage());
            unmonitored = List.of();
        }
        return java.util.stream.Stream.concat(monitor.held().stream(), unmonitored.stream())
                .map(MonitorStatus::containerId).filter(id -> !table.contains(id))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public List<PluginCheck> plugins() {
        return plugins.installed();
    }

    @Override
    public void acceptEnvironment(String containerId, java.util.Map<String, String> environment) {
        table.put(table.byId(containerId).withEnvironment(environment));
    }

    @Override
    public void adopt(String containerId, MonitorStatus status) {
        restoreSteps.adopt(containerId, status);
    }

    @Override
    public RestoreOutcome exitedWhileDown(MonitorStatus ended) {
        return restoreSteps.exitedWhileDown(ended);
    }

    @Override
    public void completeRemoval(String containerId) {
        restoreSteps.completeRemoval(containerId);
    }

    @Override
    public void lost(String containerId, String reason) {
        restoreSteps.lost(containerId, reason);
    }

    @Override
    public void restoreCompleted(RestoreReport restoreReport) {
        lastReport = restoreReport;
        restored = true;
        execs.reconcile();
        healthChecks.start(); // probes resume on the saved schedule once the records are current
        for (MonitorStatus ended; (ended = heldExits.poll()) != null; ) {
            lifecycle.exited(ended, false); // runs the restore already applied are recognised and skipped
        }
        lifecycle.reconcilePorts(); // after the exits: a container that ended while down loses its forwarders
        for (ContainerRecord record : table.all()) {
            if (record.state().status() == io.holdfast.spi.container.ContainerStatus.RESTARTING) {
                lifecycle.scheduleRestart(record.id(), Duration.ZERO); // a restart the last engine had pending
            }
        }
        ServiceRegistration<RestoreReport> previous = report;
        report = context.registerService(RestoreReport.class, restoreReport, null);
        if (previous != null) {
            previous.unregister();
        }
    }
}
