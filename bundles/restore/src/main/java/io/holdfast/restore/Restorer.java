package io.holdfast.restore;

import io.holdfast.spi.config.DaemonConfig;
import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.monitor.MonitorException;
import io.holdfast.spi.monitor.MonitorStatus;
import io.holdfast.spi.restore.Orphan;
import io.holdfast.spi.restore.RestoreControl;
import io.holdfast.spi.restore.RestoreEntry;
import io.holdfast.spi.restore.RestoreOutcome;
import io.holdfast.spi.restore.RestorePlan;
import io.holdfast.spi.restore.RestoreReport;
import io.holdfast.spi.restore.RestoreTarget;
import java.time.Duration;
import java.util.logging.Logger;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Plans and applies restores, one at a time, and serves the operator's decisions on what they left
 * ({@link RestoreControl}). It binds no plugin and no shim: the supervisor owns those bindings, reaches the shim for
 * it ({@link RestoreTarget#monitor}) and asks for a restore ({@link #restore}) when this component arrives, when the
 * shim arrives and when a plugin arrives, so a run never sees a binding the supervisor has not seen yet.
 */
@Component(service = RestoreControl.class)
public class Restorer implements RestoreControl {
    private static final Logger LOG = Logger.getLogger(Restorer.class.getName());

    @Reference
    private RestoreTarget target;
    @Reference
    private Containers containers;
    /** Dynamic: a reload replaces the configuration service without restarting this component. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DaemonConfig config;
    /** Optional: without the image store bound, a restore does not check the containers' image layers. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile io.holdfast.spi.image.Images images;

    private volatile RestoreReport last;

    @Override
    public synchronized RestoreReport restore() {
        last = run().run();
        target.restoreCompleted(last);
        return last;
    }

    private RestoreRun run() {
        return new RestoreRun(target, config, new LayerCheck(images));
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
        Blockers blockers = new Blockers(target.plugins(), config, new LayerCheck(images));
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

    private MonitorStatus unmonitored(String id) {
        try {
            return target.monitor().unmonitored().stream().filter(m -> m.containerId().equals(id) && m.running())
                    .findFirst().orElse(null);
        } catch (MonitorException e) {
            throw new EngineException(Kind.FAILED, "cannot tell whether " + id + " runs without a monitor: "
                    + e.getMessage(), e);
        }
    }

    /** Kills the container through its monitor, or its runtime when no monitor holds it, and forgets it. */
    private void releaseForcibly(String id) {
        try {
            target.monitor().release(id, true);
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
}
