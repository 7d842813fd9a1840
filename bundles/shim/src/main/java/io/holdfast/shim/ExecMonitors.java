package io.holdfast.shim;

import io.holdfast.spi.monitor.ExecLaunch;
import io.holdfast.spi.monitor.ExecStatus;
import io.holdfast.spi.monitor.ExitStatus;
import io.holdfast.spi.monitor.MonitorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The execs the shim holds, each under its own conmon: launching them, noticing their exits (the exit watcher's
 * events and sweep, and every status read), finding them again from disk after a restart or a shim swap, and
 * forgetting them when the engine has recorded their end. Exits are announced through {@code announce}.
 *
 * <p>Nothing is handed over at a shim swap: disk holds all of it (the record, the exit file and its time), so the
 * next revision recovers the execs exactly, and replays every exit to its listeners, which must be idempotent.
 */
final class ExecMonitors {
    private static final Logger LOG = Logger.getLogger(ExecMonitors.class.getName());

    private final Map<String, HeldExec> held = new ConcurrentHashMap<>();
    private final MonitorLayout layout;
    private final ExecMonitorRecords records;
    private final ExecLauncher launcher;
    private final Consumer<HeldExec> announce;
    private volatile ExitWatcher watcher;

    ExecMonitors(MonitorLayout layout, Path conmon, Consumer<HeldExec> announce) {
        this.layout = layout;
        this.records = new ExecMonitorRecords(layout);
        this.launcher = new ExecLauncher(conmon, layout, records);
        this.announce = announce;
    }

    /** Finds every exec again from its record under the exec root; a launch a crash interrupted is undone. */
    void recover() throws IOException {
        if (!Files.isDirectory(layout.execsDir())) {
            return;
        }
        try (Stream<Path> dirs = Files.list(layout.execsDir())) {
            for (Path dir : dirs.toList()) {
                String id = dir.getFileName().toString();
                try {
                    recoverOne(id).ifPresent(exec -> held.put(id, exec));
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "cannot read the monitor record of exec " + id + "; leaving it in place", e);
                }
            }
        }
    }

    private Optional<HeldExec> recoverOne(String id) throws IOException {
        Optional<ExecMonitorRecord> found = records.read(id);
        if (found.isEmpty() || !found.get().launchCompleted()) {
            LOG.info(() -> "undoing the interrupted start of exec " + id);
            launcher.abandon(id);
            return Optional.empty();
        }
        ExecMonitorRecord record = found.get();
        Optional<ExitStatus> exit = exitOf(record);
        if (exit.isEmpty() && !ProcessProbe.isSame(record.monitorPid(), record.monitorStart())
                && !ProcessProbe.isSame(record.pid(), record.pidStart())) {
            exit = Optional.of(exitOf(record).orElseGet(() -> MonitorRecovery.lost("exec " + id)));
        }
        return Optional.of(new HeldExec(record, exit.orElse(null)));
    }

    /** From now on exits are noticed as conmon writes them: every running exec's exit directory is watched. */
    void watchWith(ExitWatcher exitWatcher) {
        watcher = exitWatcher;
        held.values().stream().filter(HeldExec::running).forEach(this::watch);
    }

    private void watch(HeldExec exec) {
        ExitWatcher current = watcher;
        if (current != null) {
            String id = exec.record().execId();
            current.watchExecDir(layout.execExitsDir(id), () -> exitFileChanged(id));
        }
    }

    ExecStatus launch(ExecLaunch launch) throws MonitorException {
        if (held.containsKey(launch.execId()) || Files.exists(layout.execDir(launch.execId()))) {
            throw new MonitorException("exec " + launch.execId() + " has already been started");
        }
        HeldExec exec = new HeldExec(launcher.launch(launch), null);
        held.put(launch.execId(), exec);
        watch(exec);
        check(exec); // it may have ended already, before the watch
        return exec.status();
    }

    /** The exec's status, with an exit conmon has recorded applied first. */
    Optional<ExecStatus> status(String execId) {
        HeldExec exec = held.get(execId);
        if (exec == null) {
            return Optional.empty();
        }
        check(exec);
        return Optional.of(exec.status());
    }

    Collection<ExecStatus> all() {
        return held.values().stream().map(HeldExec::status).toList();
    }

    Collection<HeldExec> exited() {
        return held.values().stream().filter(exec -> !exec.running()).toList();
    }

    void release(String execId) throws MonitorException {
        HeldExec exec = held.get(execId);
        if (exec == null) {
            return;
        }
        check(exec);
        if (exec.running()) {
            throw new MonitorException("exec " + execId + " is still running");
        }
        launcher.forget(execId);
        held.remove(execId);
    }

    /** The exit watcher's backstop: exit files it missed, and monitors that died without writing one. */
    void sweep() {
        for (HeldExec exec : held.values()) {
            check(exec);
            ExecMonitorRecord record = exec.record();
            if (exec.running() && !ProcessProbe.isSame(record.monitorPid(), record.monitorStart())
                    && !ProcessProbe.isSame(record.pid(), record.pidStart())) {
                check(exec); // conmon writes the exit file before it exits
                if (exec.running() && exec.exited(MonitorRecovery.lost("exec " + record.execId()))) {
                    announce.accept(exec);
                }
            }
        }
    }

    /** Called when something changed in the exec's exit directory. */
    void exitFileChanged(String execId) {
        HeldExec exec = held.get(execId);
        if (exec != null) {
            check(exec);
        }
    }

    private void check(HeldExec exec) {
        if (exec.running()) {
            exitOf(exec.record()).ifPresent(exit -> {
                if (exec.exited(exit)) {
                    announce.accept(exec);
                }
            });
        }
    }

    private Optional<ExitStatus> exitOf(ExecMonitorRecord record) {
        return ExitFiles.read(layout.execExitFile(record.execId(), record.containerId()));
    }

    void clear() {
        held.clear();
    }
}
