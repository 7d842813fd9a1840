package io.holdfast.reload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Applies a {@link BundlePlan}: updates, installs and uninstalls the jars, refreshes what is wired to them, and
 * checks that every bundle touched or refreshed resolves, runs again if it ran before, and brings its components
 * back. On any failure every touched bundle is put back to the revision it ran before (new ones are uninstalled,
 * removed ones installed again), so a failed reload leaves the engine as it was. What was applied can also be undone
 * afterwards, when the configuration half of the reload fails.
 */
final class BundleSwap {
    private static final Logger LOG = Logger.getLogger(BundleSwap.class.getName());

    private final BundleContext context;
    private final Revisions revisions;
    private final ComponentHealth health;
    /** Every start, stop, update and uninstall runs under it: a blocking activator fails the reload, not hangs it. */
    private final StepDeadline deadline;

    BundleSwap(BundleContext context, Revisions revisions, ComponentHealth health, StepDeadline deadline) {
        this.context = context;
        this.revisions = revisions;
        this.health = health;
        this.deadline = deadline;
    }

    /** What one apply changed, so that it can be put back. */
    final class Applied {
        private final Map<Bundle, byte[]> previous = new LinkedHashMap<>();
        private final List<Bundle> installed = new ArrayList<>();
        private final Map<String, byte[]> removed = new LinkedHashMap<>();
        private final List<Bundle> uninstalled = new ArrayList<>();

        /**
         * Puts every touched bundle back as it was; logs, never throws: it runs when something already failed.
         *
         * @return the steps not done yet, each still waiting for a bundle whose activator blocks (done once it returns)
         */
        List<String> undo() {
            List<String> pending = new ArrayList<>();
            boolean interrupted = Thread.interrupted(); // a stopping engine must still get its old revisions back
            List<Bundle> back = new ArrayList<>(previous.keySet());
            for (Map.Entry<String, byte[]> entry : removed.entrySet()) {
                try {
                    Bundle bundle = context.installBundle(entry.getKey(), new ByteArrayInputStream(entry.getValue()));
                    revisions.remember(bundle, entry.getValue());
                    back.add(bundle);
                } catch (BundleException | RuntimeException e) {
                    LOG.log(Level.SEVERE, "cannot install again " + entry.getKey(), e);
                }
            }
            for (Map.Entry<Bundle, byte[]> entry : previous.entrySet()) {
                try {
                    Bundle bundle = entry.getKey();
                    deadline.runToCompletion("put back " + bundle.getSymbolicName(), () -> {
                        bundle.stop(Bundle.STOP_TRANSIENT);
                        bundle.update(new ByteArrayInputStream(entry.getValue()));
                    });
                    revisions.remember(entry.getKey(), entry.getValue());
                } catch (ReloadFailure | RuntimeException e) {
                    pending.add("put back " + entry.getKey().getSymbolicName());
                    LOG.log(Level.SEVERE, "cannot put back " + entry.getKey().getSymbolicName(), e);
                }
            }
            List<Bundle> refreshed = new ArrayList<>(back);
            for (Bundle bundle : installed) {
                try {
                    deadline.runToCompletion("uninstall " + bundle.getSymbolicName(), bundle::uninstall);
                    refreshed.add(bundle);
                } catch (ReloadFailure | RuntimeException e) {
                    pending.add("uninstall " + bundle.getSymbolicName());
                    LOG.log(Level.SEVERE, "cannot uninstall " + bundle.getSymbolicName(), e);
                }
            }
            try {
                refresh(refreshed);
            } catch (ReloadFailure e) {
                LOG.log(Level.SEVERE, "the refresh after putting the previous revisions back failed", e);
            }
            for (Bundle bundle : back) {
                startLogged(bundle);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return pending;
        }
    }

    /** Applies the plan; on failure puts everything back and throws with the reason. */
    Applied apply(BundlePlan plan) throws ReloadFailure {
        Applied applied = new Applied();
        try {
            List<Bundle> affected = new ArrayList<>();
            plan.updates().stream().filter(step -> step.bundle() != null).map(this::bundle).forEach(affected::add);
            Set<Bundle> closure = new LinkedHashSet<>(affected.isEmpty() ? List.of()
                    : context.getBundle(0).adapt(FrameworkWiring.class).getDependencyClosure(affected));
            List<Bundle> wasActive = closure.stream().filter(b -> b.getState() == Bundle.ACTIVE).toList();
            Map<String, Boolean> componentsBefore = health.snapshot(new ArrayList<>(closure));

            for (BundlePlan.Step step : plan.updates()) {
                if (step.uninstall()) {
                    Bundle bundle = bundle(step);
                    applied.removed.put(bundle.getLocation(), revisions.bytes(bundle));
                    deadline.run("uninstall " + bundle.getSymbolicName(), bundle::uninstall);
                    applied.uninstalled.add(bundle);
                } else if (step.bundle() == null) {
                    applied.installed.add(context.installBundle(step.jar().file().toUri().toString(),
                            new ByteArrayInputStream(step.jar().bytes())));
                } else {
                    Bundle bundle = bundle(step);
                    applied.previous.put(bundle, revisions.bytes(bundle));
                    // stopped first, so the update does not start it only for the refresh to restart it: one
                    // restart per swap (the restore bundle would otherwise run its restore twice)
                    deadline.run("stop " + bundle.getSymbolicName(), () -> bundle.stop(Bundle.STOP_TRANSIENT));
                    deadline.run("update " + bundle.getSymbolicName(),
                            () -> bundle.update(new ByteArrayInputStream(step.jar().bytes())));
                }
            }
            List<Bundle> touched = new ArrayList<>(applied.previous.keySet());
            touched.addAll(applied.installed);
            List<Bundle> refreshed = new ArrayList<>(touched);
            refreshed.addAll(applied.uninstalled);
            refresh(refreshed);
            List<Bundle> mustRun = new ArrayList<>(touched);
            wasActive.stream().filter(b -> b.getState() != Bundle.UNINSTALLED && !mustRun.contains(b))
                    .forEach(mustRun::add);
            checkResolved(mustRun);
            start(mustRun);
            health.check(mustRun, componentsBefore);
            applied.uninstalled.forEach(revisions::forget); // by the objects: the framework no longer finds them
            for (BundlePlan.Step step : plan.updates()) {
                if (!step.uninstall()) {
                    Bundle bundle = step.bundle() != null ? bundle(step) : byLocation(applied.installed, step.jar());
                    revisions.remember(bundle, step.jar().bytes());
                }
            }
            return applied;
        } catch (BundleException | IOException | ReloadFailure | RuntimeException e) {
            String why = e.getMessage();
            LOG.log(Level.WARNING, "reload failed, putting the previous revisions back: " + why, e);
            List<String> pending = applied.undo();
            throw new ReloadFailure(why + "; the previous revisions were put back" + (pending.isEmpty() ? ""
                    : " except: " + String.join(", ", pending) + " (done once the blocked activator returns)"), e);
        }
    }

    /** Refreshes the bundles and everything wired to them; blocks until the framework has done it. */
    private void refresh(Collection<Bundle> bundles) throws ReloadFailure {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        try {
            // a refresh stops and starts every bundle wired to the touched ones: twice one step's time
            long seconds = Math.max(1, deadline.limit().multipliedBy(2).toSeconds());
            if (!done.await(seconds, TimeUnit.SECONDS)) {
                throw new ReloadFailure("the framework did not finish refreshing within " + seconds + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReloadFailure("interrupted while refreshing", e);
        }
    }

    private void checkResolved(List<Bundle> bundles) throws ReloadFailure {
        if (context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(bundles)) {
            return;
        }
        List<String> unresolved = new ArrayList<>();
        for (Bundle bundle : bundles) {
            if (bundle.getState() == Bundle.INSTALLED) {
                try {
                    bundle.start(); // fails, and says which requirement is missing
                } catch (BundleException e) {
                    unresolved.add(bundle.getSymbolicName() + " " + bundle.getVersion() + " does not resolve: "
                            + e.getMessage());
                }
            }
        }
        throw new ReloadFailure(String.join("; ", unresolved), null);
    }

    private void start(List<Bundle> bundles) throws ReloadFailure {
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null && bundle.getState() != Bundle.ACTIVE) {
                deadline.run("start " + bundle.getSymbolicName() + " " + bundle.getVersion(), bundle::start);
            }
        }
    }

    /** Starts one bundle of a rollback; one that fails must not keep the others down. */
    private void startLogged(Bundle bundle) {
        try {
            start(List.of(bundle));
        } catch (ReloadFailure | RuntimeException e) {
            LOG.log(Level.SEVERE, "the previous revision of " + bundle.getSymbolicName() + " does not start", e);
        }
    }

    /** The framework's bundle a step replaces or uninstalls, by the id it was planned with. */
    private Bundle bundle(BundlePlan.Step step) {
        Bundle bundle = context.getBundle(step.bundle().id());
        if (bundle == null) {
            throw new IllegalStateException(step.bundle().symbolicName() + " was uninstalled while the reload ran");
        }
        return bundle;
    }

    private static Bundle byLocation(List<Bundle> installed, DeployedJar jar) {
        String location = jar.file().toUri().toString();
        return installed.stream().filter(b -> b.getLocation().equals(location)).findFirst().orElseThrow();
    }

    /** Why a reload did not happen; everything it touched has been put back. */
    static final class ReloadFailure extends Exception {
        ReloadFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
