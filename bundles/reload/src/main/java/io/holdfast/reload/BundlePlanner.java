package io.holdfast.reload;

import io.holdfast.spi.reload.BundleChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Compares {@code deploy/} with the running bundles and explains, bundle by bundle, what a reload would install,
 * update and refresh. Refreshing follows package wires only (Karaf's reasons: "wired to X"), so a bundle that merely
 * uses another's services is not restarted with it.
 *
 * <p>Never applied by a reload: the SPI (every bundle is wired to it; containers' monitors live in the shim that
 * imports it) and this reload bundle itself; both change with an engine restart.
 */
final class BundlePlanner {
    static final Set<String> RESIDENT = Set.of("io.holdfast.spi", "io.holdfast.reload");

    private final BundleContext context;
    private final Revisions revisions;

    BundlePlanner(BundleContext context, Revisions revisions) {
        this.context = context;
        this.revisions = revisions;
    }

    BundlePlan plan(DeployDirectory.Scan scan) throws IOException {
        List<BundlePlan.Step> steps = new ArrayList<>();
        List<BundleChange> changes = new ArrayList<>();
        List<String> refused = new ArrayList<>(scan.refused());
        for (DeployedJar jar : scan.jars()) {
            Bundle running = installed(jar.symbolicName());
            if (running != null && revisions.digest(running).equals(jar.digest())) {
                continue; // already what runs
            }
            if (RESIDENT.contains(jar.symbolicName())) {
                refused.add("deploy/" + jar.file().getFileName() + ": " + jar.symbolicName() + " is never swapped by "
                        + "a reload; it changes with an engine restart");
                continue;
            }
            steps.add(new BundlePlan.Step(running, jar));
            changes.add(running == null
                    ? new BundleChange(jar.symbolicName(), "install", null, jar.version(),
                    "new in deploy/" + jar.file().getFileName())
                    : new BundleChange(jar.symbolicName(), "update", running.getVersion().toString(), jar.version(),
                    "deploy/" + jar.file().getFileName() + " differs from the running revision"));
        }
        changes.addAll(refreshReasons(steps.stream().map(BundlePlan.Step::bundle).filter(b -> b != null).toList()));
        return new BundlePlan(steps, changes, refused);
    }

    /** The bundles an update refreshes besides the updated ones: those wired, directly or not, to them. */
    private List<BundleChange> refreshReasons(Collection<Bundle> updated) {
        if (updated.isEmpty()) {
            return List.of();
        }
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        Set<Bundle> closure = new LinkedHashSet<>(wiring.getDependencyClosure(updated));
        closure.removeAll(updated);
        Set<Bundle> refreshing = new HashSet<>(updated);
        refreshing.addAll(closure);
        List<BundleChange> changes = new ArrayList<>();
        for (Bundle bundle : closure) {
            changes.add(new BundleChange(bundle.getSymbolicName(), "refresh", bundle.getVersion().toString(),
                    bundle.getVersion().toString(), "wired to " + provider(bundle, refreshing)));
        }
        return changes;
    }

    /** Which refreshed bundle {@code bundle} imports from, for the reason. */
    private static String provider(Bundle bundle, Set<Bundle> refreshing) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring != null) {
            for (BundleWire wire : wiring.getRequiredWires(null)) {
                Bundle provider = wire.getProvider().getBundle();
                if (refreshing.contains(provider) && provider != bundle) {
                    return provider.getSymbolicName() + " (" + wire.getCapability().getNamespace()
                            .replace("osgi.wiring.", "") + " " + wire.getCapability().getAttributes()
                            .getOrDefault(wire.getCapability().getNamespace(), "") + ")";
                }
            }
        }
        return "a bundle being refreshed";
    }

    private Bundle installed(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }
}
