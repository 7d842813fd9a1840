package io.holdfast.reload;

import io.holdfast.spi.config.DaemonConfigSource;
import io.holdfast.spi.events.EngineEvent;
import io.holdfast.spi.events.EngineEvents;
import io.holdfast.spi.metrics.MetricSource;
import io.holdfast.spi.reload.ReloadReport;
import io.holdfast.spi.reload.Reloader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * The engine's reloads, one at a time on one thread, from every trigger: {@link Reloader} (API, CLI, Gogo), SIGHUP
 * (the launcher calls the JDK-typed {@code Supplier<String>} registered with {@code holdfast.reload=true}), and a jar
 * dropped into, or replaced in, {@code deploy/} (polled every second; a change is applied once the directory has
 * stayed the same for one more poll, so a jar still being copied is never read). Each reload is logged in one line
 * and published as a {@code daemon reload} event, as Docker names it.
 */
@Component(immediate = true)
public class EngineReloader implements Reloader {
    private static final Logger LOG = Logger.getLogger(EngineReloader.class.getName());
    private static final long POLL_MILLIS = 1000;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DaemonConfigSource configSource;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EngineEvents events;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceComponentRuntime componentRuntime;

    static final String STEP_TIMEOUT_PROPERTY = "holdfast.reload.step-timeout";
    /** Far above a healthy bundle start (well under a second), far below "hangs for good". */
    private static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(30);

    private StepDeadline deadline;
    private ScheduledExecutorService thread;
    private ReloadRun run;
    private DeployDirectory deploy;
    private String seen = "";
    private String applied = "";
    private ServiceRegistration<?> hangup;
    private final ReloadMetrics metrics = new ReloadMetrics();
    private ServiceRegistration<MetricSource> metricsRegistration;

    @Activate
    void activate(BundleContext context) throws IOException {
        String deployDir = context.getProperty("holdfast.deploy");
        deploy = new DeployDirectory(deployDir == null ? Path.of("deploy") : Path.of(deployDir));
        Revisions revisions = new Revisions();
        deadline = new StepDeadline(stepTimeout(context));
        run = new ReloadRun(() -> configSource, deploy, new BundlePlanner(context, revisions, deploy),
                new BundleSwap(context, revisions, new ComponentHealth(() -> componentRuntime), deadline));
        thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "holdfast-reload"));
        // fingerprinting every installed jar (megabytes) is the reload thread's first job, not the engine start's;
        // every reload runs after it on the same thread
        Bundle[] installed = context.getBundles();
        thread.execute(() -> revisions.prime(installed));
        thread.scheduleWithFixedDelay(this::pollDeploy, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("holdfast.reload", "true");
        Supplier<String> onHangup = () -> String.join("\n", ReloadSummary.lines(reload(false)));
        hangup = context.registerService(Supplier.class, onHangup, properties);
        metricsRegistration = context.registerService(MetricSource.class, metrics, null);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        hangup.unregister();
        metricsRegistration.unregister();
        for (Runnable queued : thread.shutdownNow()) {
            if (queued instanceof Future<?> waitedFor) {
                waitedFor.cancel(false); // its caller gets an answer instead of waiting forever
            }
        }
        thread.awaitTermination(30, TimeUnit.SECONDS);
        deadline.close();
    }

    /** {@code holdfast.reload.step-timeout} (seconds, a framework property), 30 s by default. */
    private static Duration stepTimeout(BundleContext context) {
        String seconds = context.getProperty(STEP_TIMEOUT_PROPERTY);
        try {
            return seconds == null ? DEFAULT_STEP_TIMEOUT : Duration.ofSeconds(Long.parseLong(seconds.trim()));
        } catch (NumberFormatException e) {
            LOG.warning(() -> STEP_TIMEOUT_PROPERTY + "=" + seconds + " is not a number of seconds; using "
                    + DEFAULT_STEP_TIMEOUT.toSeconds());
            return DEFAULT_STEP_TIMEOUT;
        }
    }

    @Override
    public ReloadReport reload(boolean dryRun) {
        try {
            return thread.submit(() -> reloadNow(dryRun)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("reload failed: " + e.getCause().getMessage(), e.getCause());
        } catch (RejectedExecutionException | CancellationException e) {
            throw new IllegalStateException("the reload bundle is stopping; no reload was done", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the reload", e);
        }
    }

    private ReloadReport reloadNow(boolean dryRun) {
        ReloadReport report = run.run(dryRun);
        if (!dryRun) {
            metrics.record(report);
            applied = fingerprintOrEmpty();
            LOG.log(report.ok() ? Level.INFO : Level.WARNING, () -> String.join(" | ", ReloadSummary.lines(report)));
            EngineEvents journal = events;
            if (journal != null) {
                journal.publish(new EngineEvent(EngineEvent.DAEMON, "reload", "holdfast",
                        ReloadSummary.attributes(report), Instant.now()));
            }
        }
        return report;
    }

    /** Reloads when deploy/ changed and has held still since the last poll. */
    private void pollDeploy() {
        try {
            String now = fingerprintOrEmpty();
            boolean settled = now.equals(seen);
            seen = now;
            if (settled && !now.equals(applied)) {
                reloadNow(false);
            }
        } catch (RuntimeException e) { // an escaping exception would end the polling for good
            LOG.log(Level.WARNING, "deploy/ poll failed", e);
        }
    }

    private String fingerprintOrEmpty() {
        try {
            return deploy.fingerprint();
        } catch (IOException e) {
            LOG.warning(() -> "cannot list deploy/: " + e.getMessage());
            return applied;
        }
    }
}
