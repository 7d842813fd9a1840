package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bin/holdfastd} and {@code bin/holdfast} start from the class-data sharing archives the build made
 * ({@code bin/holdfast-cds}), and from a moved copy of the tree, which the archives do not fit, run as well without.
 * {@code holdfast-cds --engine} adds the bundles' classes, from a training run of the engine.
 */
class ClassArchivesTest {
    /** Every class the JVM loads, with where it came from: "shared objects file" means an archive. */
    private static final String LOG_CLASS_LOADING = "-Xlog:class+load=info:stdout";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"holdfastd, picocli.CommandLine, io.holdfast.launcher.HoldfastDaemon",
        "holdfast, picocli.CommandLine, io.holdfast.cli.HoldfastCli"})
    void theClassesComeFromTheArchiveTheBuildMade(String script, String library, String main) throws Exception {
        String out = versionWithClassLoading(Engine.HOME, script);

        assertTrue(out.contains(library + " source: shared objects file"), excerpt(out, main));
        assertTrue(out.contains(main + " source: shared objects file"), excerpt(out, main));
    }

    @ParameterizedTest
    @CsvSource({"holdfastd, io.holdfast.launcher.HoldfastDaemon, lib/launcher/launcher.jar",
        "holdfast, io.holdfast.cli.HoldfastCli, lib/cli/cli.jar"})
    void aMovedTreeRunsWithoutTheArchivesThatNoLongerFitIt(String script, String main, String jar) throws Exception {
        Path copy = dir.resolve("holdfast");
        Process cp = new ProcessBuilder("cp", "-a", Engine.HOME.toString(), copy.toString()).inheritIO().start();
        assertEquals(0, cp.waitFor());

        String out = versionWithClassLoading(copy, script);

        assertTrue(out.contains(main + " source: file:" + copy.resolve(jar)), excerpt(out, main));
        // the JVM's own archive still serves the JDK's classes: no archive was refused
        assertTrue(out.contains("java.lang.Object source: shared objects file"), excerpt(out, main));
    }

    @Test
    void theEngineTrainingArchivesTheBundlesClassesForTheNextEngines() throws Exception {
        Path copy = dir.resolve("holdfast");
        Process cp = new ProcessBuilder("cp", "-a", Engine.HOME.toString(), copy.toString()).inheritIO().start();
        assertEquals(0, cp.waitFor());
        ProcessBuilder training = new ProcessBuilder(copy.resolve("bin/holdfast-cds").toString(), "--engine")
                .redirectErrorStream(true);
        training.environment().remove("HOLDFAST_HOME");
        Process cds = training.start();
        String said = new String(cds.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cds.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, cds.exitValue(), said);
        assertTrue(said.contains("made " + copy.resolve("lib/launcher/bundles.jsa")), said);

        try (Engine engine = new Engine()) {
            engine.useDistribution(copy);
            engine.environment("JAVA_TOOL_OPTIONS", LOG_CLASS_LOADING);
            engine.start();
            // Felix's class loaders (SCR's, the supervisor's) are served by the top layer, the launcher by the base
            String log = engine.log();
            assertTrue(log.contains("org.apache.felix.scr.impl.Activator source: shared objects file (top)"),
                    excerpt(log, "felix.scr.impl.Activator "));
            assertTrue(log.contains("io.holdfast.supervisor.containers.Lifecycle source: shared objects file (top)"),
                    excerpt(log, "containers.Lifecycle "));
            assertTrue(log.contains("io.holdfast.launcher.HoldfastDaemon source: shared objects file"),
                    excerpt(log, "HoldfastDaemon "));

            // a new launcher archive (the build or holdfast-cds ran again) is no base for the old top layer
            engine.kill9();
            Path base = copy.resolve("lib/launcher/holdfastd.jsa");
            java.nio.file.Files.setLastModifiedTime(base, java.nio.file.attribute.FileTime.fromMillis(
                    java.nio.file.Files.getLastModifiedTime(base).toMillis() + 2000));
            java.nio.file.Files.writeString(engine.root().resolve("engine.log"), "");
            engine.start();
            log = engine.log();
            assertTrue(!log.contains("shared objects file (top)"), excerpt(log, "(top)"));
            assertTrue(log.contains("io.holdfast.launcher.HoldfastDaemon source: shared objects file"),
                    excerpt(log, "HoldfastDaemon "));
        }
    }

    private static String versionWithClassLoading(Path home, String script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin").resolve(script).toString(), "--version")
                .redirectErrorStream(true);
        builder.environment().put("JAVA_TOOL_OPTIONS", LOG_CLASS_LOADING);
        builder.environment().remove("HOLDFAST_HOME");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), excerpt(text, "version"));
        assertTrue(text.lines().anyMatch(line -> line.startsWith(script + " ")), excerpt(text, script));
        return text;
    }

    private static String excerpt(String out, String main) {
        return out.lines().filter(line -> line.contains(main) || line.contains("picocli.CommandLine ")
                || line.contains("java.lang.Object ") || line.contains("version") || line.contains("rror"))
                .limit(20).reduce("", (a, b) -> a + b + "\n");
    }
}
