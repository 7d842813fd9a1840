package io.holdfast.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Named.named;

import io.holdfast.reload.InstalledBundle.InstalledFrom;
import io.holdfast.reload.InstalledBundle.RunningRevision;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule of what deploy/ asks of the installed bundles, one row each, with the exact sentence it reports. */
class JarPlannerTest {
    private static final Path HOME = Path.of("/opt/holdfast");
    private static final Path DEPLOY = HOME.resolve("deploy");
    private static final String RESTORE = "io.holdfast.restore";

    /** What deploy/ holds and what is installed. */
    record Scenario(List<DeployedJar> jars, List<String> scanRefused, List<InstalledBundle> installed) {
        static Scenario of(List<DeployedJar> jars, InstalledBundle... installed) {
            return new Scenario(jars, List.of(), List.of(installed));
        }
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                row("a jar no installed bundle has is installed",
                        Scenario.of(List.of(jar("logs.jar", "io.holdfast.extra", "1.0.0", "new"))),
                        "step install deploy/logs.jar",
                        "install io.holdfast.extra null -> 1.0.0: new in deploy/logs.jar"),
                row("a jar that differs from the running revision updates it",
                        Scenario.of(List.of(jar("restore.jar", RESTORE, "0.2.0", "next")), fromBundleDir(7, RESTORE)),
                        "step update #7 from deploy/restore.jar",
                        "update io.holdfast.restore 0.1.0 -> 0.2.0: deploy/restore.jar differs from the running "
                                + "revision"),
                row("a jar identical to the running revision changes nothing",
                        Scenario.of(List.of(jar("restore.jar", RESTORE, "0.2.0", "d-" + RESTORE)),
                                fromBundleDir(7, RESTORE))),
                row("two jars of one bundle are both refused",
                        Scenario.of(List.of(jar("a.jar", RESTORE, "0.2.0", "a"), jar("b.jar", RESTORE, "0.3.0", "b")),
                                fromBundleDir(7, RESTORE)),
                        "refused deploy/a.jar: another jar in deploy/ is also io.holdfast.restore; keep one",
                        "refused deploy/b.jar: another jar in deploy/ is also io.holdfast.restore; keep one"),
                row("an update that could not be undone is refused",
                        Scenario.of(List.of(jar("restore.jar", RESTORE, "0.2.0", "next")),
                                unreadable(7, RESTORE, "bundle/restore-0.1.0.jar changed on disk")),
                        "refused deploy/restore.jar: the running revision of io.holdfast.restore cannot be read back "
                                + "(bundle/restore-0.1.0.jar changed on disk), so a failed update could not be "
                                + "undone; restart the engine to apply it"),
                row("a resident bundle's jar is refused",
                        Scenario.of(List.of(jar("config.jar", "io.holdfast.config", "0.9.0", "next")),
                                fromBundleDir(3, "io.holdfast.config")),
                        "refused deploy/config.jar: io.holdfast.config is never swapped by a reload; it changes with "
                                + "an engine restart"),
                row("a resident bundle's jar identical to what runs is not even refused",
                        Scenario.of(List.of(jar("spi.jar", "io.holdfast.spi", "1.0.0", "d-io.holdfast.spi")),
                                fromBundleDir(2, "io.holdfast.spi"))),
                row("what the scan could not read is refused as the scan says",
                        new Scenario(List.of(), List.of("deploy/notes.jar: not a jar with a manifest"), List.of()),
                        "refused deploy/notes.jar: not a jar with a manifest"),
                row("a bundle installed from deploy/ whose jar was removed is uninstalled",
                        Scenario.of(List.of(), new InstalledBundle(9, "io.holdfast.extra", "1.0.0",
                                new InstalledFrom(DEPLOY.resolve("logs.jar"), false, null, null), false, null)),
                        "step uninstall #9",
                        "uninstall io.holdfast.extra 1.0.0 -> null: deploy/logs.jar was removed"),
                row("a bundle whose bundle/ jar was removed is left alone",
                        Scenario.of(List.of(), new InstalledBundle(9, "io.holdfast.extra", "1.0.0",
                                new InstalledFrom(HOME.resolve("bundle/extra.jar"), false, null, null), false, null))),
                row("a bundle a reload updated goes back to its jar once deploy/ no longer overrides it",
                        Scenario.of(List.of(), updatedByReload(7, RESTORE, "0.2.0", "applied")),
                        "step update #7 from bundle/restore-0.1.0.jar",
                        "update io.holdfast.restore 0.2.0 -> 0.1.0: no jar in deploy/ overrides it any more: back "
                                + "to restore-0.1.0.jar"),
                row("a bundle a reload put back already runs its jar",
                        Scenario.of(List.of(), updatedByReload(7, RESTORE, "0.1.0", "d-" + RESTORE))),
                row("a bundle no reload updated is never compared with its jar",
                        Scenario.of(List.of(), fromBundleDir(7, RESTORE))),
                row("the system bundle, resident bundles and bundles not installed from a file are left alone",
                        Scenario.of(List.of(),
                                new InstalledBundle(0, "org.apache.felix.framework", "7.0.5", null, false, null),
                                new InstalledBundle(2, "io.holdfast.spi", "1.0.0",
                                        new InstalledFrom(DEPLOY.resolve("spi.jar"), false, null, null), true, null),
                                new InstalledBundle(4, "io.holdfast.extra", "1.0.0", null, true, null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void rule(Scenario scenario, List<String> expected) throws IOException {
        JarPlanner.Decisions decisions = JarPlanner.plan(new DeployDirectory.Scan(scenario.jars(),
                scenario.scanRefused()), scenario.installed(), DEPLOY);
        assertEquals(expected, lines(decisions));
    }

    @Test
    void aJarToGoBackToThatCannotBeReadFailsThePlan() {
        InstalledBundle updated = new InstalledBundle(7, RESTORE, "0.2.0", new InstalledFrom(
                HOME.resolve("bundle/restore-0.1.0.jar"), true, null, "not an OSGi bundle (no Bundle-SymbolicName)"),
                true, new RunningRevision("applied", null));
        IOException failure = assertThrows(IOException.class, () -> JarPlanner.plan(
                new DeployDirectory.Scan(List.of(), List.of()), List.of(updated), DEPLOY));
        assertEquals("not an OSGi bundle (no Bundle-SymbolicName)", failure.getMessage());
    }

    @Test
    void aBundleWhoseJarIsRefusedAsUntrustedIsLeftAsItRunsNotWithdrawn() throws IOException {
        InstalledBundle fromDeploy = new InstalledBundle(9, "io.holdfast.extra", "1.0.0",
                new InstalledFrom(DEPLOY.resolve("extra.jar"), false, null, null), false, null);
        InstalledBundle updated = updatedByReload(7, RESTORE, "0.2.0", "applied");
        List<String> refused = List.of("deploy/restore.jar: owned by uid 1000, not root; not applied");
        JarPlanner.Decisions oneHeld = JarPlanner.plan(new DeployDirectory.Scan(List.of(), refused,
                java.util.Set.of(RESTORE), false), List.of(updated), DEPLOY);
        assertEquals(List.of("refused " + refused.get(0)), lines(oneHeld));
        JarPlanner.Decisions allHeld = JarPlanner.plan(new DeployDirectory.Scan(List.of(), List.of(),
                java.util.Set.of(), true), List.of(fromDeploy, updated), DEPLOY);
        assertEquals(List.of(), lines(allHeld));
    }

    private static Arguments row(String rule, Scenario scenario, String... expected) {
        return Arguments.of(named(rule, scenario), List.of(expected));
    }

    /** The steps, changes and refusals as one line each, in the order the report lists them. */
    private static List<String> lines(JarPlanner.Decisions decisions) {
        List<String> lines = new ArrayList<>();
        for (BundlePlan.Step step : decisions.steps()) {
            lines.add(step.bundle() == null ? "step install deploy/" + step.jar().file().getFileName()
                    : step.uninstall() ? "step uninstall #" + step.bundle().id()
                    : "step update #" + step.bundle().id() + " from " + HOME.relativize(step.jar().file()));
        }
        decisions.changes().forEach(c -> lines.add(c.action() + " " + c.symbolicName() + " " + c.fromVersion()
                + " -> " + c.toVersion() + ": " + c.reason()));
        decisions.refused().forEach(r -> lines.add("refused " + r));
        return lines;
    }

    private static DeployedJar jar(String file, String symbolicName, String version, String digest) {
        return new DeployedJar(DEPLOY.resolve(file), symbolicName, version, digest, new byte[0]);
    }

    /** Installed from bundle/ at 0.1.0, never touched by a reload; its digest is {@code d-<name>}. */
    private static InstalledBundle fromBundleDir(long id, String symbolicName) {
        return new InstalledBundle(id, symbolicName, "0.1.0", jarUnderBundleDir(symbolicName, false), false,
                new RunningRevision("d-" + symbolicName, null));
    }

    private static InstalledBundle unreadable(long id, String symbolicName, String why) {
        return new InstalledBundle(id, symbolicName, "0.1.0", jarUnderBundleDir(symbolicName, false), false,
                new RunningRevision("d-" + symbolicName, why));
    }

    /** Installed from bundle/ at 0.1.0 (digest {@code d-<name>}), now running what a reload applied. */
    private static InstalledBundle updatedByReload(long id, String symbolicName, String version, String digest) {
        return new InstalledBundle(id, symbolicName, version, jarUnderBundleDir(symbolicName, true), true,
                new RunningRevision(digest, null));
    }

    private static InstalledFrom jarUnderBundleDir(String symbolicName, boolean read) {
        Path file = HOME.resolve("bundle/" + symbolicName.substring("io.holdfast.".length()) + "-0.1.0.jar");
        return new InstalledFrom(file, true, read ? new DeployedJar(file, symbolicName, "0.1.0", "d-" + symbolicName,
                new byte[0]) : null, null);
    }
}
