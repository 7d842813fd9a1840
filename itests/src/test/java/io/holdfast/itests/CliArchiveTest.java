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

/**
 * {@code bin/holdfast} starts from the class-data sharing archive the build made ({@code bin/holdfast-cds}), and
 * from a moved copy of the tree, which the archive does not fit, runs as well without it.
 */
class CliArchiveTest {
    /** Every class the JVM loads, with where it came from: "shared objects file" means the archive. */
    private static final String LOG_CLASS_LOADING = "-Xlog:class+load=info:stdout";

    @TempDir
    Path dir;

    @Test
    void theCliLoadsItsClassesFromTheArchiveTheBuildMade() throws Exception {
        String out = versionWithClassLoading(Engine.HOME);

        assertTrue(out.contains("picocli.CommandLine source: shared objects file"), excerpt(out));
        assertTrue(out.contains("io.holdfast.cli.HoldfastCli source: shared objects file"), excerpt(out));
    }

    @Test
    void aMovedTreeRunsWithoutTheArchiveThatNoLongerFitsIt() throws Exception {
        Path copy = dir.resolve("holdfast");
        Process cp = new ProcessBuilder("cp", "-a", Engine.HOME.toString(), copy.toString()).inheritIO().start();
        assertEquals(0, cp.waitFor());

        String out = versionWithClassLoading(copy);

        assertTrue(out.contains("io.holdfast.cli.HoldfastCli source: file:" + copy.resolve("lib/cli/cli.jar")),
                excerpt(out));
        // the JVM's own archive still serves the JDK's classes: no archive was refused
        assertTrue(out.contains("java.lang.Object source: shared objects file"), excerpt(out));
    }

    private static String versionWithClassLoading(Path home) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/holdfast").toString(), "--version")
                .redirectErrorStream(true);
        builder.environment().put("JAVA_TOOL_OPTIONS", LOG_CLASS_LOADING);
        builder.environment().remove("HOLDFAST_HOME");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), excerpt(text));
        assertTrue(text.contains("holdfast version"), excerpt(text));
        return text;
    }

    private static String excerpt(String out) {
        return out.lines().filter(line -> line.contains("HoldfastCli") || line.contains("picocli.CommandLine ")
                || line.contains("java.lang.Object ") || line.contains("version") || line.contains("rror"))
                .limit(20).reduce("", (a, b) -> a + b + "\n");
    }
}
