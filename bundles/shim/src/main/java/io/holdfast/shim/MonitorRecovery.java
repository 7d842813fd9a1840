package io.holdfast.shim;

import io.holdfast.common.io.Directories;
import io.holdfast.spi.monitor.ExitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
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
        if (!Files.isDirectory(layout.monitorsDir())) {
            return new HashMap<>();
        }
        List<Path> dirs;
        try (Stream<Path> listed = Files.list(layout.monitorsDir())) {
            dirs = listed.toList();
        }
        Predicate<String> exitFileWritten = ExitFiles.presentIn(layout.exitsDir());
        Map<String, HeldContainer> held = new ConcurrentHashMap<>();
        // On every core: each container is a file read, a JSON parse and a /proc probe of its own, and a restart
        // waits for all of them.
        dirs.parallelStream().forEach(dir -> {
            String id = dir.getFileName().toString();
            try {
                recoverOne(id, exitFileWritten).ifPresent(container -> held.put(id, container));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "cannot read the monitor record of " + id + "; leaving it in place", e);
            }
        });
        return new HashMap<>(held);
    }

    private Optional<HeldContainer> recoverOne(String id, Predicate<String> exitFileWritten) throws IOException {
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
        Optional<ExitStatus> exit = exitFileWritten.test(id) ? ExitFiles.read(layout.exitFile(id)) : Optional.empty();
        if (exit.isPresent()) {
            return Optional.of(new HeldContainer(record, exit.get()));
        }
        if (ProcessProbe.isSame(record.monitorPid(), record.monitorStart())
                || ProcessProbe.isSame(record.pid(), record.pidStart())) {
            return Optional.of(new HeldContainer(record, null));
        }
        // Exit files are written before conmon exits; read again in case it finished since the directory was listed.
        exit = ExitFiles.read(layout.exitFile(id));
        return Optional.of(new HeldContainer(record, exit.orElseGet(() -> lost(id))));
    }

    /** Neither the monitor nor the container is alive and no exit was recorded (a reboot, a killed conmon). */
    static ExitStatus lost(String id) {
        LOG.warning(() -> "the monitor of " + id + " is gone without recording an exit code; reporting 255");
        return new ExitStatus(255, Instant.now());
    }
}
