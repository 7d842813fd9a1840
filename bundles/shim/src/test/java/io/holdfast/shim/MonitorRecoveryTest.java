package io.holdfast.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.monitor.OciRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a restart the shim finds every monitor it launched, in whatever state a kill left it. */
class MonitorRecoveryTest {
    // "runc delete" during recovery must not touch real containers: /bin/true stands in for the runtime
    private static final OciRuntime FAKE_RUNTIME = new OciRuntime("fake", "/bin/true");
    private static final Instant STARTED = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path execRoot;

    private MonitorLayout layout;
    private MonitorRecords records;

    private Map<String, HeldContainer> recover() throws Exception {
        layout = new MonitorLayout(execRoot);
        records = new MonitorRecords(layout);
        return new MonitorRecovery(layout, records, new ConmonLauncher(Path.of("/bin/false"), layout, records)).recover();
    }

    private void write(MonitorRecord record) throws Exception {
        new MonitorRecords(new MonitorLayout(execRoot)).write(record);
    }

    private static MonitorRecord started(String id, long pid, long pidStart) {
        return MonitorRecord.launching(id, FAKE_RUNTIME, "/b", "/l").started(STARTED, pid, pidStart, 0, 0);
    }

    @Test
    void runningContainerIsHeldAsRunning() throws Exception {
        long self = ProcessHandle.current().pid(); // a process that is certainly alive, with its real start time
        write(started("live", self, ProcessProbe.startTime(self)));
        HeldContainer held = recover().get("live");
        assertTrue(held.running());
        assertEquals(self, held.status().pid());
        assertEquals(STARTED, held.status().startedAt());
    }

    @Test
    void exitRecordedByConmonWhileTheEngineWasDownIsHeldWithItsCodeAndTime() throws Exception {
        write(started("ended", 999_999_999L, 1));
        Path exitFile = new MonitorLayout(execRoot).exitFile("ended");
        Files.createDirectories(exitFile.getParent());
        Files.writeString(exitFile, "7");
        Instant written = Files.getLastModifiedTime(exitFile).toInstant();
        var status = recover().get("ended").status();
        assertEquals(7, status.exit().code());
        assertEquals(written, status.exit().finishedAt());
    }

    @Test
    void reusedPidIsNotMistakenForTheContainer() throws Exception {
        long self = ProcessHandle.current().pid();
        write(started("reused", self, ProcessProbe.startTime(self) + 1)); // same pid, another process
        HeldContainer held = recover().get("reused");
        assertFalse(held.running());
        assertEquals(255, held.status().exit().code(), "gone without an exit file: reported, not guessed");
    }

    @Test
    void launchInterruptedBeforeItStartedIsUndone() throws Exception {
        write(MonitorRecord.launching("half", FAKE_RUNTIME, "/b", "/l"));
        Map<String, HeldContainer> held = recover();
        assertNull(held.get("half"));
        assertFalse(Files.exists(layout.dir("half")));
    }

    @Test
    void directoryWithoutRecordIsRemoved() throws Exception {
        Files.createDirectories(execRoot.resolve("monitors/empty"));
        assertTrue(recover().isEmpty());
        assertFalse(Files.exists(execRoot.resolve("monitors/empty")));
    }
}
