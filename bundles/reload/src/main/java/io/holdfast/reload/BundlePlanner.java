package io.holdfast.reload;

import io.holdfast.spi.reload.BundleChange;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Compares {@code deploy/} with the running bundles and explains, bundle by bundle, what a reload would install,
 * update and refresh. This is the framework side only: it reads the facts ({@link InstalledBundle}, the dependency
 * closure as {@link WiredBundle}s) and leaves every decision to {@link JarPlanner} and {@link RefreshPlanner}.
 */
record BundlePlanner(BundleContext context, Revisions revisions, DeployDirectory deploy) {

    BundlePlan plan(DeployDirectory.Scan scan) throws IOException {
        Set<String> named = scan.jars().stream().map(DeployedJar::symbolicName).collect(Collectors.toSet());
        List<InstalledBundle> installed = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            installed.add(facts(bundle, named.contains(bundle.getSymbolicName())));
        }
        JarPlanner.Decisions jars = JarPlanner.plan(scan, installed, deploy.dir().toAbsolutePath().normalize());
        List<Long> updated = jars.steps().stream().map(BundlePlan.Step::bundle).filter(Objects::nonNull)
                .map(InstalledBundle::id).toList();
        List<BundleChange> refreshes = RefreshPlanner.refreshes(updated, closure(updated));
        List<BundleChange> changes = new ArrayList<>(jars.changes());
        changes.addAll(refreshes);
        return new BundlePlan(jars.steps(), changes, jars.refused(), RefreshPlanner.blocked(refreshes));
    }

    /**
     * What the planners need to know of {@code bundle}. The running revision is read (from memory, or its jar) only
     * where a decision depends on it: a deploy/ jar names the bundle, or a reload updated it.
     */
    private InstalledBundle facts(Bundle bundle, boolean namedInDeploy) {
        boolean updatedByReload = revisions.remembers(bundle);
        return new InstalledBundle(bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion().toString(),
                installedFrom(bundle, updatedByReload), updatedByReload,
                namedInDeploy || updatedByReload ? running(bundle) : null);
    }

    private InstalledBundle.RunningRevision running(Bundle bundle) {
        String digest = null;
        try {
            digest = revisions.digest(bundle);
            revisions.bytes(bundle); // what a failed update would be put back to must be at hand
            return new InstalledBundle.RunningRevision(digest, null);
        } catch (IOException e) {
            return new InstalledBundle.RunningRevision(digest, e.getMessage());
        }
    }

    /** Null when the location is not a plain file: not something deploy/ or bundle/ installed. */
    private static InstalledBundle.InstalledFrom installedFrom(Bundle bundle, boolean updatedByReload) {
        if (!bundle.getLocation().startsWith("file:")) {
            return null;
        }
        Path file;
        try {
            file = Path.of(URI.create(bundle.getLocation())).toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) {
            return null;
        }
        boolean exists = Files.exists(file);
        if (!exists || !updatedByReload) {
            return new InstalledBundle.InstalledFrom(file, exists, null, null);
        }
        try {
            return new InstalledBundle.InstalledFrom(file, true, DeployDirectory.read(file), null);
        } catch (IOException e) {
            return new InstalledBundle.InstalledFrom(file, true, null, e.getMessage());
        }
    }

    /** The dependency closure of the updated bundles, with each member's required wires. */
    private List<WiredBundle> closure(List<Long> updated) {
        if (updated.isEmpty()) {
            return List.of();
        }
        List<Bundle> bundles = updated.stream().map(context::getBundle).filter(Objects::nonNull).toList();
        List<WiredBundle> closure = new ArrayList<>();
        for (Bundle bundle : context.getBundle(0).adapt(FrameworkWiring.class).getDependencyClosure(bundles)) {
            closure.add(new WiredBundle(bundle.getBundleId(), bundle.getSymbolicName(),
                    bundle.getVersion().toString(), wires(bundle)));
        }
        return closure;
    }

    private static List<WiredBundle.Wire> wires(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return List.of();
        }
        List<WiredBundle.Wire> wires = new ArrayList<>();
        for (BundleWire wire : wiring.getRequiredWires(null)) {
            Bundle provider = wire.getProvider().getBundle();
            String namespace = wire.getCapability().getNamespace();
            wires.add(new WiredBundle.Wire(provider.getBundleId(), provider.getSymbolicName(), namespace,
                    String.valueOf(wire.getCapability().getAttributes().getOrDefault(namespace, ""))));
        }
        return wires;
    }
}
