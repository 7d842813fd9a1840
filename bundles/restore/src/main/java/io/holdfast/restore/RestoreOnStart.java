package io.holdfast.restore;

import io.holdfast.spi.monitor.ContainerMonitor;
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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Runs a restore whenever this bundle starts with a supervisor and a shim present: at engine start, and again after
 * this bundle is swapped, when it finds everything already adopted and changes nothing. While containers wait for a
 * missing plugin, every plugin that arrives runs the restore again, which adopts them.
 */
@Component(immediate = true)
public class RestoreOnStart {
    private static final Logger LOG = Logger.getLogger(RestoreOnStart.class.getName());
    private static final int MAX_WAITS_FOR_SUPERVISOR = 50;

    @Reference
    private RestoreTarget target;
    @Reference
    private ContainerMonitor monitor;

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
        last = new RestoreRun(target, monitor).run();
        target.restoreCompleted(last);
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
