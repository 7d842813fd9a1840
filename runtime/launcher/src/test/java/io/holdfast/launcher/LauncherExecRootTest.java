package io.holdfast.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the launcher puts Felix's cache: the exec-root the engine will use. */
class LauncherExecRootTest {
    @TempDir
    Path dir;

    private Path daemonJson(String json) throws Exception {
        return Files.writeString(dir.resolve("daemon.json"), json);
    }

    @Test
    void theFlagWins() throws Exception {
        Path file = daemonJson("{\"exec-root\": \"/srv/run\"}");
        assertEquals(Path.of("/opt/run"), LauncherExecRoot.of(Path.of("/opt/run"), file));
    }

    @Test
    void daemonJsonsTopLevelKeyIsReadNotANestedOne() throws Exception {
        Path file = daemonJson("{\"runtimes\": {\"x\": {\"exec-root\": \"/nested\"}}, \"hosts\": [\"unix:///s\"],"
                + " \"exec-root\": \"/srv/run\", \"debug\": true}");
        assertEquals(Path.of("/srv/run"), LauncherExecRoot.of(null, file));
    }

    @Test
    void anythingElseFallsBackToTheDefaultForTheConfigBundleToReport() throws Exception {
        assertEquals(LauncherExecRoot.DEFAULT, LauncherExecRoot.of(null, null));
        assertEquals(LauncherExecRoot.DEFAULT, LauncherExecRoot.of(null, daemonJson("{\"exec-root\": \"relative\"}")));
        assertEquals(LauncherExecRoot.DEFAULT, LauncherExecRoot.of(null, daemonJson("{\"exec-root\": 7}")));
        assertEquals(LauncherExecRoot.DEFAULT, LauncherExecRoot.of(null, daemonJson("{\"exec-root\": \"/x\"")));
        assertEquals(LauncherExecRoot.DEFAULT, LauncherExecRoot.of(null, dir.resolve("missing.json")));
    }
}
