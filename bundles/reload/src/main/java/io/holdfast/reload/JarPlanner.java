package io.holdfast.reload;

import io.holdfast.spi.reload.BundleChange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides, without side effects, what {@code deploy/} asks of the installed bundles: which jars are new (install),
 * which differ from the running revision (update), which were taken away (uninstall, or back to the jar under
 * {@code bundle/}), and which are refused, each with the sentence the report and the dry run show.
 *
 * <pre>{@code JarPlanner.Decisions jars = JarPlanner.plan(scan, installed, deployDir);}</pre>
 */
final class JarPlanner {
    private JarPlanner() {
    }

    /**
     * @param steps   each jar with the bundle it updates (null: a new bundle), or a bundle with no jar: to uninstall
     * @param changes every bundle installed, updated or uninstalled, and why
     * @param refused the jars never applied, each with why
     */
    record Decisions(List<BundlePlan.Step> steps, List<BundleChange> changes, List<String> refused) {
    }

    /**
     * @param installed every installed bundle, in the framework's order
     * @param deployDir {@code deploy/}, absolute and normalised
     * @throws IOException when a bundle a reload updated must go back to the jar it was installed from and that jar
     *                     cannot be read: no plan can be made
     */
    static Decisions plan(DeployDirectory.Scan scan, List<InstalledBundle> installed, Path deployDir)
            throws IOException {
        Decisions decisions = new Decisions(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(scan.refused()));
        Set<String> twice = namedTwice(scan.jars());
        for (DeployedJar jar : scan.jars()) {
            if (twice.contains(jar.symbolicName())) {
                decisions.refused().add("deploy/" + jar.file().getFileName() + ": another jar in deploy/ is also "
                        + jar.symbolicName() + "; keep one");
                continue;
            }
            deployed(jar, named(installed, jar.symbolicName()), decisions);
        }
        Set<String> deployed = new HashSet<>();
        scan.jars().forEach(jar -> deployed.add(jar.symbolicName()));
        for (InstalledBundle bundle : installed) {
            if (bundle.id() != 0 && bundle.symbolicName() != null && !deployed.contains(bundle.symbolicName())
                    && !ResidentBundles.isResident(bundle.symbolicName()) && bundle.from() != null
                    && !scan.holds(bundle.symbolicName())) {
                withdrawn(bundle, deployDir, decisions);
            }
        }
        return decisions;
    }

    /** One jar of deploy/ against the bundle of its name ({@code running}, or null when none is installed). */
    private static void deployed(DeployedJar jar, InstalledBundle running, Decisions decisions) {
        if (running != null && jar.digest().equals(running.running().digest())) {
            return; // already what runs
        }
        if (running != null && running.running().unreadable() != null) {
            decisions.refused().add("deploy/" + jar.file().getFileName() + ": the running revision of "
                    + jar.symbolicName() + " cannot be read back (" + running.running().unreadable() + "), so a "
                    + "failed update could not be undone; restart the engine to apply it");
            return;
        }
        if (ResidentBundles.isResident(jar.symbolicName())) {
            decisions.refused().add("deploy/" + jar.file().getFileName() + ": " + jar.symbolicName() + " is never "
                    + "swapped by a reload; it changes with an engine restart");
            return;
        }
        decisions.steps().add(new BundlePlan.Step(running, jar));
        decisions.changes().add(running == null
                ? new BundleChange(jar.symbolicName(), "install", null, jar.version(),
                "new in deploy/" + jar.file().getFileName())
                : new BundleChange(jar.symbolicName(), "update", running.version(), jar.version(),
                "deploy/" + jar.file().getFileName() + " differs from the running revision"));
    }

    /**
     * A bundle no deploy/ jar names: one installed from deploy/ whose jar is gone is uninstalled; one a reload updated
     * goes back to the jar it was installed from (under {@code bundle/}). Only a reload can have changed what the
     * others run.
     */
    private static void withdrawn(InstalledBundle bundle, Path deployDir, Decisions decisions) throws IOException {
        InstalledBundle.InstalledFrom from = bundle.from();
        if (!from.exists()) {
            if (from.file().startsWith(deployDir)) {
                decisions.steps().add(new BundlePlan.Step(bundle, null));
                decisions.changes().add(new BundleChange(bundle.symbolicName(), "uninstall", bundle.version(), null,
                        "deploy/" + from.file().getFileName() + " was removed"));
            }
            return;
        }
        if (!bundle.updatedByReload()) {
            return;
        }
        if (from.jar() == null) {
            throw new IOException(from.unreadable());
        }
        if (bundle.running().digest() == null) {
            throw new IOException(bundle.running().unreadable());
        }
        if (!from.jar().digest().equals(bundle.running().digest())) {
            decisions.steps().add(new BundlePlan.Step(bundle, from.jar()));
            decisions.changes().add(new BundleChange(bundle.symbolicName(), "update", bundle.version(),
                    from.jar().version(), "no jar in deploy/ overrides it any more: back to " + from.file()
                    .getFileName()));
        }
    }

    private static Set<String> namedTwice(List<DeployedJar> jars) {
        Set<String> seen = new HashSet<>();
        Set<String> twice = new HashSet<>();
        jars.forEach(jar -> {
            if (!seen.add(jar.symbolicName())) {
                twice.add(jar.symbolicName());
            }
        });
        return twice;
    }

    private static InstalledBundle named(List<InstalledBundle> installed, String symbolicName) {
        return installed.stream().filter(b -> symbolicName.equals(b.symbolicName())).findFirst().orElse(null);
    }
}
