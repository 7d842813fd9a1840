package io.holdfast.restore;

import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.network.NetworkBridge;
import io.holdfast.spi.restore.RestoreOutcome;
import io.holdfast.spi.restore.RestoreReport;
import io.holdfast.spi.restore.RestoreTarget;
import io.holdfast.spi.storage.StorageDriver;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
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

    @Reference
    private RestoreTarget target;
    @Reference
    private ContainerMonitor monitor;

    private ExecutorService rerun;
    private volatile RestoreReport last;

    @Activate
    void activate() {
        rerun = Executors.newSingleThreadExecutor(r -> new Thread(r, "holdfast-restore"));
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
        pluginArrived();
    }

    void storageDriverGone(StorageDriver driver) {
        // containers keep what they have; nothing to undo
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "networkGone")
    void networkArrived(NetworkBridge bridge) {
        pluginArrived();
    }

    void networkGone(NetworkBridge bridge) {
        // containers keep what they have; nothing to undo
    }

    private synchronized void restore() {
        last = new RestoreRun(target, monitor).run();
        target.restoreCompleted(last);
    }

    /** Off the binding thread: the restore calls into plugins, which may be binding right now. */
    private void pluginArrived() {
        RestoreReport report = last;
        if (rerun != null && report != null && report.count(RestoreOutcome.NEEDS_ATTENTION) > 0) {
            rerun.execute(() -> {
                try {
                    restore();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "restore after a plugin arrived failed", e);
                }
            });
        }
    }
}
