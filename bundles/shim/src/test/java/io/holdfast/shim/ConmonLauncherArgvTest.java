package io.holdfast.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.monitor.MonitorLaunch;
import io.holdfast.spi.monitor.OciRuntime;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What conmon is told about the log: k8s-file always, a size bound only when log-opts max-size asks for one. */
class ConmonLauncherArgvTest {
    private static final OciRuntime RUNC = new OciRuntime("runc", "/usr/sbin/runc");

    @TempDir
    Path execRoot;

    private List<String> argv(MonitorLaunch launch) {
        MonitorLayout layout = new MonitorLayout(execRoot);
        ConmonLauncher launcher = new ConmonLauncher(Path.of("/usr/bin/conmon"), layout, new MonitorRecords(layout));
        return launcher.conmonArgv(launch, new OciRuntimeCli(RUNC, layout.runtimeRoot("runc")));
    }

    @Test
    void boundedLogPassesTheLimitInBytes() {
        List<String> argv = argv(new MonitorLaunch("c1", "/b", "/l/c1.log", RUNC, 10 * 1024 * 1024));
        int flag = argv.indexOf("--log-size-max");
        assertTrue(flag > 0, argv.toString());
        assertEquals("10485760", argv.get(flag + 1));
        assertTrue(argv.contains("k8s-file:/l/c1.log"), argv.toString());
    }

    @Test
    void unboundedLogPassesNoLimit() {
        assertFalse(argv(new MonitorLaunch("c1", "/b", "/l/c1.log", RUNC)).contains("--log-size-max"));
        assertFalse(argv(new MonitorLaunch("c1", "/b", "/l/c1.log", RUNC, 0)).contains("--log-size-max"));
        assertFalse(argv(new MonitorLaunch("c1", "/b", "/l/c1.log", RUNC, -1)).contains("--log-size-max"));
    }
}
