package io.holdfast.spi.container;

import java.time.Instant;

/**
 * Docker's {@code State}: where a container is in its lifecycle.
 *
 * @param status          created, running, restarting, exited or dead
 * @param pid             the container's init process on the host, 0 when not running
 * @param monitorPid      the pid of the conmon process that holds it, 0 when not running
 * @param exitCode        the last exit code; 0 before the first exit
 * @param startedAt       when it last started, or {@code null}
 * @param finishedAt      when it last exited, or {@code null}
 * @param error           why the last start or exit went wrong, or the empty string
 * @param manuallyStopped a user stopped it, so {@code unless-stopped} and {@code on-failure} leave it be
 * @param paused          its processes are frozen (Docker's {@code State.Paused}); only while running
 */
public record RunState(ContainerStatus status, long pid, long monitorPid, int exitCode, Instant startedAt,
                       Instant finishedAt, String error, boolean manuallyStopped, boolean paused) {

    /** Docker's code for a start that failed for a reason other than the command. */
    public static final int EXIT_START_FAILED = 128;
    /** Docker's code for a command that was not found. */
    public static final int EXIT_COMMAND_NOT_FOUND = 127;
    /** Docker's code for a command that cannot be run (not executable, a directory). */
    public static final int EXIT_COMMAND_NOT_INVOCABLE = 126;

    public static RunState created() {
        return new RunState(ContainerStatus.CREATED, 0, 0, 0, null, null, "", false, false);
    }

    public RunState {
        error = error == null ? "" : error;
        paused = paused && status == ContainerStatus.RUNNING;
    }

    public boolean running() {
        return status == ContainerStatus.RUNNING;
    }

    public RunState started(long newPid, long newMonitorPid, Instant at) {
        return new RunState(ContainerStatus.RUNNING, newPid, newMonitorPid, 0, at, finishedAt, "", false, false);
    }

    public RunState exited(int code, Instant at, String why) {
        return new RunState(ContainerStatus.EXITED, 0, 0, code, startedAt, at, why, manuallyStopped, false);
    }

    public RunState stoppedByUser() {
        return new RunState(status, pid, monitorPid, exitCode, startedAt, finishedAt, error, true, paused);
    }

    public RunState restarting() {
        return new RunState(ContainerStatus.RESTARTING, 0, 0, exitCode, startedAt, finishedAt, error,
                manuallyStopped, false);
    }

    /** The same run, frozen or thawed. */
    public RunState withPaused(boolean frozen) {
        return new RunState(status, pid, monitorPid, exitCode, startedAt, finishedAt, error, manuallyStopped, frozen);
    }

    /** A start that failed with Docker's {@link #EXIT_START_FAILED}. */
    public RunState failedToStart(String why) {
        return failedToStart(EXIT_START_FAILED, why);
    }

    /** A start that failed; {@code code} is one of the {@code EXIT_} codes, as Docker chooses them. */
    public RunState failedToStart(int code, String why) {
        return new RunState(ContainerStatus.EXITED, 0, 0, code, startedAt, Instant.now(), why, manuallyStopped, false);
    }
}
