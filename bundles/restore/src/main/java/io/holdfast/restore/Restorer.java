package io.holdfast.restore;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.monitor.MonitorException;
import io.holdfast.spi.restore.Orphan;
import io.holdfast.spi.restore.RestoreControl;
import io.holdfast.spi.restore.RestoreEntry;
import io.holdfast.spi.restore.RestorePlan;
import java.time.Duration;
import io.holdfast.spi.network.NetworkBridge;
import io.holdfast.spi.restore.RestoreOutcome;
import io.holdfast.spi.restore.RestoreReport;
import io.holdfast.spi.restore.RestoreTarget;
import io.holdfast.spi.storage.StorageDriver;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Runs a restore whenever this bundle starts with a supervisor and a shim present: at engine start, and again after
 * this bundle is swapped, when it finds everything already adopted and changes nothing. While containers wait for a
 * missing plugin, every plugin that arrives runs the restore again, which adopts them. Serves the operator's
 * decisions on what the restore left ({@link RestoreControl}); restores and decisions run one at a time.
 */
@Component(immediate = true, service = RestoreControl.class)
public class Restorer implements RestoreControl {
    private static final Logger LOG = Logger.getLogger(Restorer.class.getName());
    private static final int MAX_WAITS_FOR_SUPERVISOR = 50;

    @Reference
    private RestoreTarget target;
    @Reference
    private ContainerMonitor monitor;
    @Reference
    private Containers containers;
    /** Dynamic: a reload replaces the configuration service without restarting this component. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DaemonConfig config;

    private ScheduledExecutorService rerun;
    private volatile RestoreReport last;
    /** The plugins bound here, as {@code kind:name}; the supervisor binds the same services, maybe a moment later. */
    private final Set<String> arrived = ConcurrentHashMap.newKeySet();

    @Activate
    void activate() {
        rerun = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "holdfast-restore"));
        restore();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        rerun.shutdownNow();
        rerun.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "storageDriverGone")
    void storageDriverArrived(StorageDriver driver) {
        arrived.add("storage:" + driver.name());
        pluginArrived();
    }

    void storageDriverGone(StorageDriver driver) {
        arrived.remove("storage:" + driver.name()); // containers keep what they have; nothing to undo
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "networkGone")
    void networkArrived(NetworkBridge bridge) {
        arrived.add("network:" + bridge.name());
        pluginArrived();
    }

    void networkGone(NetworkBridge bridge) {
        arrived.remove("network:" + bridge.name()); // containers keep what they have; nothing to undo
    }

    private synchronized void restore() {
        last = run().run();
        target.restoreCompleted(last);
    }

    private RestoreRun run() {
        return new RestoreRun(target, monitor, config);
    }

    @Override
    public synchronized RestorePlan plan() {
        return run().plan();
    }

    @Override
    public synchronized RestoreEntry adopt(String container) {
        ContainerRecord record = decisions().record(container);
        if (record == null) {
            throw new EngineException(Kind.CONFLICT, "cannot adopt " + container + ": no container record knows it; "
                    + "an orphan has no image, storage or network the engine could vouch for; stop it with "
                    + "`holdfast system stop " + container + "`");
        }
        if (unmonitored(record.id()) != null) {
            throw new EngineException(Kind.CONFLICT, "cannot adopt " + record.name() + ": no monitor holds it, so "
                    + "nothing would record its exit or output; stop it and start it again");
        }
        Blockers blockers = new Blockers(target.plugins(), config);
        String missing = blockers.missingPlugins(record);
        if (missing != null) {
            throw new EngineException(Kind.CONFLICT, "cannot adopt " + record.name() + ": " + missing
                    + "; drop the plugin into deploy/ (it is then adopted by itself) or stop the container");
        }
        target.acceptEnvironment(record.id(), blockers.environmentNow(record));
        LOG.info(() -> "operator adopted " + record.shortId() + " (" + record.name() + ") under today's settings");
        restore();
        return entryOf(record.id());
    }

    @Override
    public synchronized RestoreEntry stop(String container, Duration timeout) {
        RestoreDecisions decisions = decisions();
        ContainerRecord record = decisions.record(container);
        if (record != null && unmonitored(record.id()) != null) {
            releaseForcibly(record.id());
            target.lost(record.id(), "stopped by the operator; no monitor held it, so its exit code is unknown");
            restore();
            return RestoreRun.entry(containers.get(record.id()), RestoreOutcome.STOPPED,
                    "killed by the operator; no monitor held it, so its exit code is unknown (255)");
        }
        if (record != null) {
            containers.stop(record.id(), timeout);
            restore();
            ContainerRecord after = containers.get(record.id());
            return RestoreRun.entry(after, RestoreOutcome.STOPPED, "stopped by the operator, exit code "
                    + after.state().exitCode());
        }
        Orphan orphan = decisions.orphan(container);
        releaseForcibly(orphan.containerId());
        LOG.info(() -> "operator stopped orphan " + orphan.containerId() + " (monitor pid " + orphan.monitorPid()
                + ")");
        restore();
        return new RestoreEntry(orphan.containerId(), "", RestoreOutcome.STOPPED,
                "orphan killed and its monitor released");
    }

    private io.holdfast.spi.monitor.MonitorStatus unmonitored(String id) {
        try {
            return monitor.unmonitored().stream().filter(m -> m.containerId().equals(id) && m.running())
                    .findFirst().orElse(null);
        } catch (MonitorException e) {
            throw new EngineException(Kind.FAILED, "cannot tell whether " + id + " runs without a monitor: "
                    + e.getMessage(), e);
        }
    }

    /** Kills the container through its monitor, or its runtime when no monitor holds it, and forgets it. */
    private void releaseForcibly(String id) {
        try {
            monitor.release(id, true);
        } catch (MonitorException e) {
            throw new EngineException(Kind.FAILED, "cannot stop " + id + ": " + e.getMessage(), e);
        }
    }

    private RestoreDecisions decisions() {
        return new RestoreDecisions(target.records(), () -> run().plan().orphans());
    }

    private RestoreEntry entryOf(String id) {
        return last.containers().stream().filter(e -> e.containerId().equals(id)).findFirst().orElseThrow();
    }

    /** Off the binding thread: the restore calls into plugins, which may be binding right now. */
    private void pluginArrived() {
        RestoreReport report = last;
        if (rerun != null && report != null && report.count(RestoreOutcome.NEEDS_ATTENTION) > 0) {
            rerun.execute(() -> restoreForArrival(MAX_WAITS_FOR_SUPERVISOR));
        }
    }

    /**
     * Runs the restore again. If the supervisor has not yet bound a plugin that was bound here (both bind the same
     * service, in no set order), containers would still look blocked: try again shortly, a bounded number of times.
     */
    private void restoreForArrival(int waitsLeft) {
        try {
            restore();
            Set<String> seenBySupervisor = last.plugins().stream().map(p -> p.kind() + ":" + p.name())
                    .collect(Collectors.toSet());
            if (last.count(RestoreOutcome.NEEDS_ATTENTION) > 0 && !seenBySupervisor.containsAll(arrived)
                    && waitsLeft > 0) {
                rerun.schedule(() -> restoreForArrival(waitsLeft - 1), 100, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "restore after a plugin arrived failed", e);
        }
    }
}
