package io.holdfast.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.itests.support.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** holdfastd refuses to run on a configuration or host it cannot trust, and says exactly why. */
class DaemonStartupTest {

    @Test
    void badDaemonJsonStopsTheEngineNamingFileLineAndKey() throws Exception {
        try (Engine engine = new Engine()) {
            Path config = Files.writeString(engine.root().resolve("daemon.json"),
                    "{\n  \"live-restore\": \"yes\"\n}\n");
            Process p = engine.launch(List.of("--config", config.toString()));
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue());
            assertTrue(engine.log().contains("holdfastd: " + config + ":2:3: key \"live-restore\": expected true or"
                    + " false, found \"yes\""), engine.log());
        }
    }

    @Test
    void flagAndKeyForTheSameSettingConflict() throws Exception {
        try (Engine engine = new Engine()) {
            Path config = Files.writeString(engine.root().resolve("daemon.json"), "{\"data-root\": \"/srv/x\"}");
            Process p = engine.launch(List.of("--config", config.toString()));
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue());
            assertTrue(engine.log().contains("also given as the flag --data-root"), engine.log());
        }
    }

    @Test
    void refusesToRunWithoutRoot() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                Engine.HOME.resolve("bin/holdfastd").toString()).redirectErrorStream(true);
        builder.environment().put("HOLDFAST_JAVA_OPTS", "-XX:-UsePerfData"); // leaves no /tmp/hsperfdata_nobody
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        assertTrue(out.contains("holdfastd: must run as root"), out);
    }
}
