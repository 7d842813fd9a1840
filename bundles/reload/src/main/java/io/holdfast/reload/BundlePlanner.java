package io.holdfast.reload;

import io.holdfast.spi.reload.BundleChange;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * imports it), this reload bundle itself, the API sockets (which stay open through every reload) and the config
 * bundle; they change with an engine restart. A plan whose refresh would restart one of them, or the shim, is refused whole.
 */
final class BundlePlanner {
    /**
     * Never swapped by a reload. The config bundle is among them: while it is swapped there would be no
     * configuration service at all, which every component needs, and its next revision would apply the keys that
     * need a restart.
     */
    static final Set<String> RESIDENT = Set.of("io.holdfast.spi", "io.holdfast.reload", "io.holdfast.api",
            "io.holdfast.config");
    static final String SHIM = "io.holdfast.shim";

    private final BundleContext context;
    private final Revisions revisions;
    private final DeployDirectory deploy;

    BundlePlanner(BundleContext context, Revisions revisions, DeployDirectory deploy) {
        this.context = context;
        this.revisions = revisions;
        this.deploy = deploy;
    }

    BundlePlan plan(DeployDirectory.Scan scan) throws IOException {
        List<BundlePlan.Step> steps = new ArrayList<>();
        List<BundleChange> changes = new ArrayList<>();
        List<String> refused = new ArrayList<>(scan.refused());
        Set<String> seen = new HashSet<>();
        Set<String> twice = new HashSet<>();
        scan.jars().forEach(jar -> {
            if (!seen.add(jar.symbolicName())) {
                twice.add(jar.symbolicName());
            }
        });
        for (DeployedJar jar : scan.jars()) {
            if (twice.contains(jar.symbolicName())) {
                refused.add("deploy/" + jar.file().getFileName() + ": another jar in deploy/ is also "
                        + jar.symbolicName() + "; keep one");
                continue;
            }
            Bundle running = installed(jar.symbolicName());
            try {
                if (running != null && revisions.digest(running).equals(jar.digest())) {
                    continue; // already what runs
                }
                if (running != null) {
                    revisions.bytes(running); // what a failed update would be put back to must be at hand
                }
            } catch (IOException e) {
                refused.add("deploy/" + jar.file().getFileName() + ": the running revision of " + jar.symbolicName()
                        + " cannot be read back (" + e.getMessage() + "), so a failed update could not be undone; "
                        + "restart the engine to apply it");
                continue;
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
        withdrawn(scan, steps, changes);
        List<BundleChange> refreshes = refreshReasons(steps.stream().map(BundlePlan.Step::bundle)
                .filter(b -> b != null).toList());
        changes.addAll(refreshes);
        return new BundlePlan(steps, changes, refused, residentRestarted(refreshes));
    }

    /**
     * A refresh must never restart the shim (it holds the containers) as a side effect: only a shim jar of its own
     * updates it. The SPI and the resident bundles cannot be in a refresh at all: they change only with a restart.
     */
    private static String residentRestarted(List<BundleChange> refreshes) {
        List<BundleChange> resident = refreshes.stream().filter(r -> r.symbolicName().equals(SHIM)
                || RESIDENT.contains(r.symbolicName())).toList();
        if (resident.isEmpty()) {
            return null;
        }
        boolean onlyShim = resident.stream().allMatch(r -> r.symbolicName().equals(SHIM));
        return "this reload would restart " + String.join(", ", resident.stream()
                .map(r -> r.symbolicName() + " (" + r.reason() + ")").toList()) + ", which a reload never does as a "
                + "side effect; " + (onlyShim ? "deploy a shim jar as well to update both, or " : "")
                + "restart the engine to apply it";
    }

    /**
     * Bundles whose deploy/ jar was taken away: one installed from deploy/ is uninstalled; one that deploy/ had
     * updated goes back to the jar it was installed from (under {@code bundle/}).
     */
    private void withdrawn(DeployDirectory.Scan scan, List<BundlePlan.Step> steps, List<BundleChange> changes)
            throws IOException {
        Set<String> deployed = new HashSet<>();
        scan.jars().forEach(jar -> deployed.add(jar.symbolicName()));
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (bundle.getBundleId() == 0 || name == null || deployed.contains(name) || RESIDENT.contains(name)
                    || !bundle.getLocation().startsWith("file:")) {
                continue;
            }
            Path location;
            try {
                location = Path.of(URI.create(bundle.getLocation())).toAbsolutePath().normalize();
            } catch (IllegalArgumentException e) {
                continue; // not a plain file location: not something deploy/ or bundle/ installed
            }
            if (!Files.exists(location)) {
                if (location.startsWith(deploy.dir().toAbsolutePath().normalize())) {
                    steps.add(new BundlePlan.Step(bundle, null));
                    changes.add(new BundleChange(name, "uninstall", bundle.getVersion().toString(), null,
                            "deploy/" + location.getFileName() + " was removed"));
                }
                continue;
            }
            if (revisions.remembers(bundle)) { // only a reload can have changed what runs
                DeployedJar original = DeployDirectory.read(location);
                if (!original.digest().equals(revisions.digest(bundle))) {
                    steps.add(new BundlePlan.Step(bundle, original));
                    changes.add(new BundleChange(name, "update", bundle.getVersion().toString(), original.version(),
                            "no jar in deploy/ overrides it any more: back to " + location.getFileName()));
                }
            }
        }
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
