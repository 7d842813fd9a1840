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
 */
public record RunState(ContainerStatus status, long pid, long monitorPid, int exitCode, Instant startedAt,
                       Instant finishedAt, String error, boolean manuallyStopped) {

    public static RunState created() {
        return new RunState(ContainerStatus.CREATED, 0, 0, 0, null, null, "", false);
    }

    public RunState {
        error = error == null ? "" : error;
    }

    public boolean running() {
        return status == ContainerStatus.RUNNING;
    }

    public RunState started(long newPid, long newMonitorPid, Instant at) {
        return new RunState(ContainerStatus.RUNNING, newPid, newMonitorPid, 0, at, finishedAt, "", false);
    }

    public RunState exited(int code, Instant at, String why) {
        return new RunState(ContainerStatus.EXITED, 0, 0, code, startedAt, at, why, manuallyStopped);
    }

    public RunState stoppedByUser() {
        return new RunState(status, pid, monitorPid, exitCode, startedAt, finishedAt, error, true);
    }

    public RunState restarting() {
        return new RunState(ContainerStatus.RESTARTING, 0, 0, exitCode, startedAt, finishedAt, error, manuallyStopped);
    }

    public RunState failedToStart(String why) {
        return new RunState(ContainerStatus.EXITED, 0, 0, 128, startedAt, Instant.now(), why, manuallyStopped);
    }
}
