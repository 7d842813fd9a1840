package io.holdfast.reload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Applies a {@link BundlePlan}: updates and installs the jars, refreshes what is wired to them, and checks that
 * every touched bundle resolves, starts and activates its components. On any failure every touched bundle is put
 * back to the revision it ran before (new ones are uninstalled), so a failed reload leaves the engine as it was.
 */
final class BundleSwap {
    private static final Logger LOG = Logger.getLogger(BundleSwap.class.getName());
    private static final long REFRESH_TIMEOUT_SECONDS = 60;

    private final BundleContext context;
    private final Revisions revisions;
    private final ComponentHealth health;

    BundleSwap(BundleContext context, Revisions revisions, ComponentHealth health) {
        this.context = context;
        this.revisions = revisions;
        this.health = health;
    }

    /** Applies the plan; on failure puts everything back and throws with the reason. */
    void apply(BundlePlan plan) throws ReloadFailure {
        Map<Bundle, byte[]> previous = new LinkedHashMap<>();
        List<Bundle> installed = new ArrayList<>();
        List<Bundle> uninstalled = new ArrayList<>();
        Map<String, byte[]> removed = new LinkedHashMap<>();
        try {
            for (BundlePlan.Step step : plan.updates()) {
                if (step.uninstall()) {
                    removed.put(step.bundle().getLocation(), revisions.bytes(step.bundle()));
                    step.bundle().uninstall();
                    uninstalled.add(step.bundle());
                } else if (step.bundle() == null) {
                    installed.add(context.installBundle(step.jar().file().toUri().toString(),
                            new ByteArrayInputStream(step.jar().bytes())));
                } else {
                    previous.put(step.bundle(), revisions.bytes(step.bundle()));
                    // stopped first, so the update does not start it only for the refresh to restart it: one
                    // restart per swap (the restore bundle would otherwise run its restore twice)
                    step.bundle().stop(Bundle.STOP_TRANSIENT);
                    step.bundle().update(new ByteArrayInputStream(step.jar().bytes()));
                }
            }
            List<Bundle> touched = new ArrayList<>(previous.keySet());
            touched.addAll(installed);
            List<Bundle> refreshed = new ArrayList<>(touched);
            refreshed.addAll(uninstalled);
            refresh(refreshed);
            checkResolved(touched);
            start(touched);
            health.check(touched);
            for (BundlePlan.Step step : plan.updates()) {
                if (step.uninstall()) {
                    revisions.forget(step.bundle());
                } else {
                    Bundle bundle = step.bundle() != null ? step.bundle() : byLocation(installed, step.jar());
                    revisions.remember(bundle, step.jar().bytes());
                }
            }
        } catch (BundleException | IOException | ReloadFailure e) {
            String why = e.getMessage();
            LOG.log(Level.WARNING, "reload failed, putting the previous revisions back: " + why, e);
            rollBack(previous, installed, removed);
            throw new ReloadFailure(why + "; the previous revisions were put back", e);
        }
    }

    private void rollBack(Map<Bundle, byte[]> previous, List<Bundle> installed, Map<String, byte[]> removed) {
        List<Bundle> reinstalled = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : removed.entrySet()) {
            try {
                Bundle bundle = context.installBundle(entry.getKey(), new ByteArrayInputStream(entry.getValue()));
                revisions.remember(bundle, entry.getValue());
                reinstalled.add(bundle);
            } catch (BundleException e) {
                LOG.log(Level.SEVERE, "cannot install again " + entry.getKey(), e);
            }
        }
        for (Map.Entry<Bundle, byte[]> entry : previous.entrySet()) {
            try {
                entry.getKey().stop(Bundle.STOP_TRANSIENT);
                entry.getKey().update(new ByteArrayInputStream(entry.getValue()));
            } catch (BundleException e) {
                LOG.log(Level.SEVERE, "cannot put back " + entry.getKey().getSymbolicName(), e);
            }
        }
        for (Bundle bundle : installed) {
            try {
                bundle.uninstall();
            } catch (BundleException | IllegalStateException e) {
                LOG.log(Level.SEVERE, "cannot uninstall " + bundle.getSymbolicName(), e);
            }
        }
        try {
            List<Bundle> back = new ArrayList<>(previous.keySet());
            back.addAll(reinstalled);
            refresh(back);
            start(back);
        } catch (BundleException | ReloadFailure e) {
            LOG.log(Level.SEVERE, "the previous revisions do not start again", e);
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
            if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new ReloadFailure("the framework did not finish refreshing within " + REFRESH_TIMEOUT_SECONDS
                        + " s", null);
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

    private static void start(List<Bundle> bundles) throws BundleException {
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null && bundle.getState() != Bundle.ACTIVE) {
                bundle.start();
            }
        }
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
