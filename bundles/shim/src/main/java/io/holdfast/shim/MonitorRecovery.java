package io.holdfast.shim;

import io.holdfast.common.io.Directories;
import io.holdfast.spi.monitor.ExitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Finds every monitor again after the engine restarts: each record under the exec root becomes a held container,
 * running or exited. A launch that a crash interrupted (no start recorded) is undone, so its container stays merely
 * created, as the supervisor's record says.
 */
final class MonitorRecovery {
    private static final Logger LOG = Logger.getLogger(MonitorRecovery.class.getName());

    private final MonitorLayout layout;
    private final MonitorRecords records;
    private final ConmonLauncher launcher;

    MonitorRecovery(MonitorLayout layout, MonitorRecords records, ConmonLauncher launcher) {
        this.layout = layout;
        this.records = records;
        this.launcher = launcher;
    }

    Map<String, HeldContainer> recover() throws IOException {
        Map<String, HeldContainer> held = new HashMap<>();
        if (!Files.isDirectory(layout.monitorsDir())) {
            return held;
        }
        try (Stream<Path> dirs = Files.list(layout.monitorsDir())) {
            for (Path dir : dirs.toList()) {
                String id = dir.getFileName().toString();
                try {
                    recoverOne(id).ifPresent(container -> held.put(id, container));
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "cannot read the monitor record of " + id + "; leaving it in place", e);
                }
            }
        }
        return held;
    }

    private Optional<HeldContainer> recoverOne(String id) throws IOException {
        Optional<MonitorRecord> found = records.read(id);
        if (found.isEmpty()) {
            Directories.deleteTree(layout.dir(id)); // a crash between mkdir and the first write
            return Optional.empty();
        }
        MonitorRecord record = found.get();
        if (!record.launchCompleted()) {
            LOG.info(() -> "undoing the interrupted start of " + id);
            launcher.abandon(id, new OciRuntimeCli(record.runtime(), layout.runtimeRoot(record.runtime().name())));
            return Optional.empty();
        }
        Optional<ExitStatus> exit = ExitFiles.read(layout.exitFile(id));
        if (exit.isPresent()) {
            return Optional.of(new HeldContainer(record, exit.get()));
        }
        if (ProcessProbe.isSame(record.monitorPid(), record.monitorStart())
                || ProcessProbe.isSame(record.pid(), record.pidStart())) {
            return Optional.of(new HeldContainer(record, null));
        }
        // Exit files are written before conmon exits; re-read in case it finished between the two checks.
        exit = ExitFiles.read(layout.exitFile(id));
        return Optional.of(new HeldContainer(record, exit.orElseGet(() -> lost(id))));
    }

    /** Neither the monitor nor the container is alive and no exit was recorded (a reboot, a killed conmon). */
    static ExitStatus lost(String id) {
        LOG.warning(() -> "the monitor of " + id + " is gone without recording an exit code; reporting 255");
        return new ExitStatus(255, Instant.now());
    }
}
