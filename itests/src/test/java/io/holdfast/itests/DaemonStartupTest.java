package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.Engine;
import io.holdfast.itests.support.EngineExtension;
import io.holdfast.itests.support.EngineSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** holdfastd refuses to run on a configuration or host it cannot trust, and says exactly why. */
@ExtendWith(EngineExtension.class)
class DaemonStartupTest {

    @Test
    void badDaemonJsonStopsTheEngineNamingFileLineAndKey(@EngineSetup(start = false) Engine engine) throws Exception {
        Path config = Files.writeString(engine.root().resolve("daemon.json"),
                "{\n  \"live-restore\": \"yes\"\n}\n");
        Process p = engine.launch(List.of("--config", config.toString()));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        assertTrue(engine.log().contains("holdfastd: " + config + ":2:3: key \"live-restore\": expected true or"
                + " false, found \"yes\""), engine.log());
    }

    @Test
    void flagAndKeyForTheSameSettingConflict(@EngineSetup(start = false) Engine engine) throws Exception {
        Path config = Files.writeString(engine.root().resolve("daemon.json"), "{\"data-root\": \"/srv/x\"}");
        Process p = engine.launch(List.of("--config", config.toString()));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        assertTrue(engine.log().contains("also given as the flag --data-root"), engine.log());
    }

    @Test
    void secondEngineOnTheSameDataRootOrSocketIsRefused(@EngineSetup(busybox = false) Engine first,
                                                        @EngineSetup(start = false) Engine second) throws Exception {
        String sameDataRoot = runToEnd(second, List.of("--config", second.configFile().toString(),
                "--data-root", first.dataRoot().toString(), "--exec-root", second.execRoot().toString(),
                "-H", second.host()));
        assertTrue(sameDataRoot.contains("holdfastd: data-root " + first.dataRoot()
                + " is in use by another holdfastd (pid " + first.pid() + ")"), sameDataRoot);
        String sameSocket = runToEnd(second, List.of("--config", second.configFile().toString(),
                "--data-root", second.dataRoot().toString(), "--exec-root", second.execRoot().toString(),
                "-H", first.host()));
        assertTrue(sameSocket.contains("holdfastd: cannot serve the API: " + first.host()
                + " is in use by another process"), sameSocket);
        assertTrue(first.api().ping(), "the first engine is untouched");
    }

    /** Runs holdfastd with exactly {@code args}, expects it to refuse to run (exit 1), returns what it printed. */
    private static String runToEnd(Engine engine, List<String> args) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of(Engine.HOME.resolve("bin/holdfastd").toString()));
        argv.addAll(args);
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        return out;
    }

    @Test
    void refusesToRunWithoutRoot() throws Exception {
        // nobody must reach the engine's own check, wherever this clone lives (root's home is 0700): a copy of the
        // launcher in a directory anyone can enter
        Path copy = Files.createTempDirectory("hf-it-nobody-");
        try {
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (String part : List.of("bin", "lib")) {
                Process cp = new ProcessBuilder("cp", "-r", Engine.HOME.resolve(part).toString(), copy.toString())
                        .inheritIO().start();
                assertEquals(0, cp.waitFor());
            }
            assertEquals(0, new ProcessBuilder("chmod", "-R", "a+rX", copy.toString()).inheritIO().start().waitFor());
            ProcessBuilder builder = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    copy.resolve("bin/holdfastd").toString()).redirectErrorStream(true).directory(copy.toFile());
            builder.environment().put("HOLDFAST_JAVA_OPTS", "-XX:-UsePerfData"); // leaves no /tmp/hsperfdata_nobody
            builder.environment().remove("HOLDFAST_HOME");
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue(), out);
            assertTrue(out.contains("holdfastd: must run as root"), out);
        } finally {
            io.holdfast.common.io.Directories.deleteTree(copy);
        }
    }
}
