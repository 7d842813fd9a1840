package io.holdfast.shim;

import io.holdfast.common.io.Directories;
import io.holdfast.common.process.Command;
import io.holdfast.spi.monitor.ExecLaunch;
import io.holdfast.spi.monitor.MonitorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts one process in a running container under a new conmon in exec mode: conmon daemonizes, runs
 * {@code runtime exec --detach --process SPEC --pid-file PID CONTAINER}, becomes the process's subreaper, and from then
 * on holds its stdio, writes its log and records its exit code in the exec's own exit directory, whatever happens to
 * the JVM.
 */
final class ExecLauncher {
    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(30);

    private final Path conmon;
    private final MonitorLayout layout;
    private final ExecMonitorRecords records;

    ExecLauncher(Path conmon, MonitorLayout layout, ExecMonitorRecords records) {
        this.conmon = conmon;
        this.layout = layout;
        this.records = records;
    }

    ExecMonitorRecord launch(ExecLaunch launch) throws MonitorException {
        String id = launch.execId();
        ExecMonitorRecord record = ExecMonitorRecord.launching(id, launch.containerId(), launch.runtime(),
                launch.logPath());
        try {
            io.holdfast.common.io.Directories.createPrivate(layout.execExitsDir(id));
            io.holdfast.common.io.Directories.createPrivate(layout.socketDir());
            records.write(record); // first, so a crash from here on leaves a trace recovery can clean up
            Command.Result conmonRun = Command.run(conmonArgv(launch), LAUNCH_TIMEOUT);
            if (!conmonRun.ok()) {
                throw new MonitorException("conmon failed for exec " + id + ": " + conmonRun.output().strip());
            }
            long pid = awaitPid(id);
            long monitorPid = ConmonLauncher.readPidIfPresent(layout.execMonitorPidFile(id));
            ConmonLauncher.makePrivate(layout.execPidFile(id), layout.execMonitorPidFile(id),
                    layout.execRuntimeLog(id));
            ExecMonitorRecord started = record.started(Instant.now(), pid, ProcessProbe.startTime(pid), monitorPid,
                    ProcessProbe.startTime(monitorPid));
            records.write(started);
            return started;
        } catch (IOException | MonitorException e) {
            abandon(id);
            throw e instanceof MonitorException m ? m
                    : new MonitorException("cannot start exec " + id + ": " + e.getMessage(), e);
        }
    }

    List<String> conmonArgv(ExecLaunch launch) {
        String id = launch.execId();
        String container = launch.containerId();
        OciRuntimeCli runtime = new OciRuntimeCli(launch.runtime(), layout.runtimeRoot(launch.runtime().name()));
        List<String> argv = new ArrayList<>(List.of(conmon.toString(), "--api-version", "1",
                "-c", container, "-u", id, "-n", container,
                "-r", launch.runtime().path(), "-b", layout.execDir(id).toString(),
                "-p", layout.execPidFile(id).toString(), "-P", layout.execMonitorPidFile(id).toString(),
                "-l", "k8s-file:" + launch.logPath(),
                "--exit-dir", layout.execExitsDir(id).toString(),
                "--socket-dir-path", layout.socketDir().toString(),
                "--exec", "--exec-process-spec", launch.processSpec(),
                "--log-level", "warn"));
        if (launch.terminal()) {
            argv.add("--terminal");
        }
        if (launch.stdin()) {
            argv.add("--stdin"); // closed when the attached client's input ends, as Docker closes an exec's stdin
            if (launch.terminal()) {
                argv.add("--leave-stdin-open"); // the master side stays writable (see ConmonLauncher)
            }
        }
        if (launch.logSizeMax() > 0) {
            argv.addAll(List.of("--log-size-max", Long.toString(launch.logSizeMax())));
        }
        for (String arg : runtime.globalArgs()) {
            argv.add("--runtime-arg");
            argv.add(arg);
        }
        argv.addAll(List.of("--runtime-arg", "--log=" + layout.execRuntimeLog(id),
                "--runtime-arg", "--log-format=json"));
        return argv;
    }

    /**
     * Undoes an exec whose launch failed half-way or that is being forgotten: ends its process and its monitor if
     * they still run, and removes its files. A process whose start was never recorded cannot be told from a reused
     * pid by its start time; it is ended only while its monitor, which would be its parent, is still there.
     */
    void abandon(String id) {
        long monitorPid = ConmonLauncher.readPidIfPresent(layout.execMonitorPidFile(id));
        long pid = ConmonLauncher.readPidIfPresent(layout.execPidFile(id));
        ProcessHandle.of(monitorPid).ifPresent(monitor -> {
            if (pid > 0) {
                ProcessHandle.of(pid).filter(p -> p.parent().map(ProcessHandle::pid).orElse(0L) == monitorPid)
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
            monitor.destroyForcibly();
        });
        forget(id);
    }

    /** Removes an exec's files: its directory and conmon's link to it in the socket directory. */
    void forget(String id) {
        try {
            Files.deleteIfExists(layout.socketDir().resolve(id));
            Directories.deleteTree(layout.execDir(id));
        } catch (IOException ignored) {
            // best effort: recovery removes what is left on the next start
        }
    }

    /** conmon's parent returns before the runtime has started the process: wait for its pid file. */
    private long awaitPid(String id) throws IOException, MonitorException {
        long deadline = System.nanoTime() + LAUNCH_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            long pid = ConmonLauncher.readPidIfPresent(layout.execPidFile(id));
            if (pid > 0) {
                return pid;
            }
            long monitorPid = ConmonLauncher.readPidIfPresent(layout.execMonitorPidFile(id));
            if (monitorPid > 0 && ProcessProbe.startTime(monitorPid) < 0
                    && ConmonLauncher.readPidIfPresent(layout.execPidFile(id)) <= 0) {
                throw new MonitorException(ConmonLauncher.lastRuntimeMessage(layout.execRuntimeLog(id)));
            }
            ConmonLauncher.sleep(5);
        }
        throw new MonitorException("the runtime did not start exec " + id + " within "
                + LAUNCH_TIMEOUT.toSeconds() + " s: " + ConmonLauncher.lastRuntimeMessage(layout.execRuntimeLog(id)));
    }
}
