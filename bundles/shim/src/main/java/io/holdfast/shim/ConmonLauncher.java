package io.holdfast.shim;

import io.holdfast.common.io.Directories;
import io.holdfast.common.process.Command;
import io.holdfast.spi.monitor.MonitorException;
import io.holdfast.spi.monitor.MonitorLaunch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts one container under a new conmon: conmon daemonizes, runs {@code runtime create}, and from then on holds the
 * container's stdio, writes its log and records its exit code, whatever happens to the JVM.
 */
final class ConmonLauncher {
    private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(30);

    private final Path conmon;
    private final MonitorLayout layout;
    private final MonitorRecords records;

    ConmonLauncher(Path conmon, MonitorLayout layout, MonitorRecords records) {
        this.conmon = conmon;
        this.layout = layout;
        this.records = records;
    }

    MonitorRecord launch(MonitorLaunch launch) throws MonitorException {
        String id = launch.containerId();
        OciRuntimeCli runtime = new OciRuntimeCli(launch.runtime(), layout.runtimeRoot(launch.runtime().name()));
        MonitorRecord record = MonitorRecord.launching(id, launch.runtime(), launch.bundleDir(), launch.logPath());
        try {
            prepareDirectories(id, launch.runtime().name());
            createPrivateLog(Path.of(launch.logPath()));
            records.write(record); // first, so a crash from here on leaves a trace recovery can clean up
            runtime.deleteIfPresent(id);
            Command.Result conmonRun = Command.run(conmonArgv(launch, runtime), CREATE_TIMEOUT);
            if (!conmonRun.ok()) {
                throw new MonitorException("conmon failed for " + id + ": " + conmonRun.output().strip());
            }
            long pid = awaitContainerPid(id);
            long monitorPid = readPid(layout.monitorPidFile(id));
            makePrivate(layout.pidFile(id), layout.monitorPidFile(id), layout.runtimeLog(id));
            runtime.start(id);
            MonitorRecord started = record.started(Instant.now(), pid, ProcessProbe.startTime(pid), monitorPid,
                    ProcessProbe.startTime(monitorPid));
            records.write(started);
            return started;
        } catch (IOException | MonitorException e) {
            abandon(id, runtime);
            throw e instanceof MonitorException m ? m : new MonitorException("cannot start " + id + ": " + e.getMessage(), e);
        }
    }

    /** Undoes a launch that failed half-way, leaving neither a runtime container nor a monitor record. */
    void abandon(String id, OciRuntimeCli runtime) {
        runtime.deleteIfPresent(id);
        try {
            long monitorPid = readPidIfPresent(layout.monitorPidFile(id));
            if (monitorPid > 0) {
                ProcessHandle.of(monitorPid).ifPresent(ProcessHandle::destroyForcibly);
            }
            io.holdfast.common.io.Directories.deleteTree(layout.dir(id));
            Files.deleteIfExists(layout.exitFile(id));
        } catch (IOException ignored) {
            // best effort: recovery removes what is left on the next start
        }
    }

    /** conmon opens the log with mode 0640 when it creates it; one that exists keeps its own mode (0600). */
    private static void createPrivateLog(Path log) throws IOException {
        if (!Files.exists(log)) {
            Files.newByteChannel(log, java.util.Set.of(java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE), java.nio.file.attribute.PosixFilePermissions
                    .asFileAttribute(io.holdfast.common.io.FileModes.PRIVATE_FILE)).close();
        }
        io.holdfast.common.io.FileModes.set(log, io.holdfast.common.io.FileModes.PRIVATE_FILE);
    }

    /** conmon and the runtime write their pid files and log with the umask's mode (0644): the directory is 0700. */
    static void makePrivate(Path... files) throws IOException {
        for (Path file : files) {
            io.holdfast.common.io.FileModes.set(file, io.holdfast.common.io.FileModes.PRIVATE_FILE);
        }
    }

    private void prepareDirectories(String id, String runtimeName) throws IOException {
        Directories.createPrivate(layout.dir(id));
        Directories.createPrivate(layout.exitsDir());
        Directories.createPrivate(layout.socketDir());
        Directories.createPrivate(layout.runtimeRoot(runtimeName));
        Files.deleteIfExists(layout.exitFile(id));
        Files.deleteIfExists(layout.pidFile(id));
        Files.deleteIfExists(layout.monitorPidFile(id));
    }

    List<String> conmonArgv(MonitorLaunch launch, OciRuntimeCli runtime) {
        String id = launch.containerId();
        List<String> argv = new ArrayList<>(List.of(conmon.toString(), "--api-version", "1",
                "-c", id, "-u", id, "-n", id,
                "-r", launch.runtime().path(), "-b", launch.bundleDir(),
                "-p", layout.pidFile(id).toString(), "-P", layout.monitorPidFile(id).toString(),
                "-l", "k8s-file:" + launch.logPath(),
                "--exit-dir", layout.exitsDir().toString(),
                "--socket-dir-path", layout.socketDir().toString(),
                "--log-level", "warn"));
        if (launch.terminal()) {
            argv.add("--terminal"); // conmon takes the terminal's master side from the runtime's console socket
        }
        if (launch.stdin()) {
            // conmon holds the stdin pipe and takes clients on the attach socket in the bundle (StdinRelay)
            argv.add("--stdin");
            // a terminal's stdin is its master side: closing it when a client leaves would leave nothing to write to
            // for the next one (Docker never closes a TTY container's stdin on detach either)
            if (launch.leaveStdinOpen() || launch.terminal()) {
                argv.add("--leave-stdin-open");
            }
        }
        if (launch.logSizeBounded()) {
            // conmon counts the bytes it writes itself (not what the file held before) and, past the limit, renames
            // an empty file over the log: the old lines are gone and a reader still holding the old file sees no more
            argv.addAll(List.of("--log-size-max", Long.toString(launch.logSizeMax())));
        }
        for (String arg : runtime.globalArgs()) {
            argv.add("--runtime-arg");
            argv.add(arg);
        }
        argv.addAll(List.of("--runtime-arg", "--log=" + layout.runtimeLog(id),
                "--runtime-arg", "--log-format=json"));
        return argv;
    }

    /** conmon's parent returns before the runtime has created the container: wait for the pid file. */
    private long awaitContainerPid(String id) throws IOException, MonitorException {
        long deadline = System.nanoTime() + CREATE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            long pid = readPidIfPresent(layout.pidFile(id));
            if (pid > 0) {
                return pid;
            }
            long monitorPid = readPidIfPresent(layout.monitorPidFile(id));
            if (monitorPid > 0 && ProcessProbe.startTime(monitorPid) < 0 && readPidIfPresent(layout.pidFile(id)) <= 0) {
                throw new MonitorException("the runtime could not create " + id + ": " + runtimeError(id));
            }
            sleep(5);
        }
        throw new MonitorException("the runtime did not create " + id + " within "
                + CREATE_TIMEOUT.toSeconds() + " s: " + runtimeError(id));
    }

    /** The last message the runtime logged (runc and crun log JSON lines with a "msg" field). */
    private String runtimeError(String id) {
        return lastRuntimeMessage(layout.runtimeLog(id));
    }

    /** The last message in a runtime's JSON log ({@code --log-format=json}), or a sentence saying there is none. */
    static String lastRuntimeMessage(Path runtimeLog) {
        try {
            List<String> lines = Files.readAllLines(runtimeLog);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i);
                int msg = line.indexOf("\"msg\":\"");
                if (msg >= 0) {
                    int end = line.indexOf("\",\"", msg + 7);
                    return line.substring(msg + 7, end > 0 ? end : line.length()).replace("\\\"", "\"");
                }
            }
            return lines.isEmpty() ? "no message from the runtime" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "no message from the runtime";
        }
    }

    static long readPid(Path file) throws IOException {
        return Long.parseLong(Files.readString(file).strip());
    }

    static long readPidIfPresent(Path file) {
        try {
            String text = Files.readString(file).strip();
            return text.isEmpty() ? 0 : Long.parseLong(text);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    static void sleep(long millis) throws MonitorException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MonitorException("interrupted while waiting for the runtime");
        }
    }
}
