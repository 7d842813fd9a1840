package io.holdfast.reload;

import io.holdfast.reload.BundleSwap.ReloadFailure;
import io.holdfast.spi.config.ConfigUpdate;
import io.holdfast.spi.config.DaemonConfigSource;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.reload.ReloadReport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * One reload, all or nothing: daemon.json is validated whole (plugins included) and the bundle plan made before
 * anything changes; then the bundles are swapped (put back on failure), and only then the configuration applied.
 */
final class ReloadRun {
    private final Supplier<DaemonConfigSource> config;
    private final DeployDirectory deploy;
    private final BundlePlanner planner;
    private final BundleSwap swap;

    ReloadRun(Supplier<DaemonConfigSource> config, DeployDirectory deploy, BundlePlanner planner, BundleSwap swap) {
        this.config = config;
        this.deploy = deploy;
        this.planner = planner;
        this.swap = swap;
    }

    ReloadReport run(boolean dryRun) {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        ConfigUpdate configUpdate = null;
        BundlePlan plan = new BundlePlan(List.of(), List.of(), List.of(), null);
        try {
            configUpdate = rereadConfig(false);
            plan = planner.plan(deploy.scan());
            if (plan.blocked() != null) {
                return new ReloadReport(startedAt, since(t0), dryRun, false, plan.blocked(), configUpdate,
                        plan.changes(), plan.refused());
            }
            if (!dryRun) {
                BundleSwap.Applied applied = plan.isEmpty() ? null : swap.apply(plan);
                try {
                    configUpdate = rereadConfig(true);
                } catch (RuntimeException e) { // e.g. a newly deployed plugin rejects the configuration
                    if (applied != null) {
                        applied.undo();
                    }
                    throw new EngineException(io.holdfast.spi.container.EngineException.Kind.INVALID,
                            e.getMessage() + (applied == null ? "" : "; the bundles were put back"));
                }
            }
            return new ReloadReport(startedAt, since(t0), dryRun, true, null, configUpdate, plan.changes(),
                    plan.refused());
        } catch (IOException | ReloadFailure | RuntimeException e) {
            return new ReloadReport(startedAt, since(t0), dryRun, false, e.getMessage(), configUpdate, plan.changes(),
                    plan.refused());
        }
    }

    /** With no config bundle running (it is being swapped), there is no configuration to reload. */
    private ConfigUpdate rereadConfig(boolean apply) {
        DaemonConfigSource source = config.get();
        return source == null ? new ConfigUpdate(List.of(), List.of()) : source.reread(apply);
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
