package io.holdfast.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.monitor.ExecLaunch;
import io.holdfast.spi.monitor.OciRuntime;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What conmon is told for an exec: exec mode with the process spec, the container as the runtime's target, the exec's
 * own directory as conmon's bundle (its fifos and attach socket) and its own exit directory (conmon names the exit
 * file after the container, so a shared one would mix execs up with each other and with the container).
 */
class ExecLauncherArgvTest {
    private static final OciRuntime RUNC = new OciRuntime("runc", "/usr/sbin/runc");

    @TempDir
    Path execRoot;

    @Test
    void execRunsInTheContainerWithItsOwnDirectoryExitDirectoryAndLog() {
        MonitorLayout layout = new MonitorLayout(execRoot);
        ExecLauncher launcher = new ExecLauncher(Path.of("/usr/bin/conmon"), layout, new ExecMonitorRecords(layout));
        List<String> argv = launcher.conmonArgv(new ExecLaunch("e1", "c1", "/d/e1.process.json", "/d/e1.log", RUNC,
                1024));

        assertEquals("c1", value(argv, "-c"));
        assertEquals("e1", value(argv, "-u"));
        assertEquals(layout.execDir("e1").toString(), value(argv, "-b"));
        assertEquals(execRoot.resolve("execs/e1/exits").toString(), value(argv, "--exit-dir"));
        assertEquals(layout.execPidFile("e1").toString(), value(argv, "-p"));
        assertEquals("k8s-file:/d/e1.log", value(argv, "-l"));
        assertEquals("/d/e1.process.json", value(argv, "--exec-process-spec"));
        assertTrue(argv.contains("--exec"), argv.toString());
        assertEquals("1024", value(argv, "--log-size-max"), "bounded like the container's log");
        assertTrue(argv.contains("--root=" + layout.runtimeRoot("runc")), "the container's runtime root: " + argv);
    }

    private static String value(List<String> argv, String flag) {
        int at = argv.indexOf(flag);
        assertTrue(at >= 0, flag + " in " + argv);
        return argv.get(at + 1);
    }
}
