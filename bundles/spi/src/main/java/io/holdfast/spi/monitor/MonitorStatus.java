package io.holdfast.spi.monitor;

import java.time.Instant;

/**
 * What the shim knows of one container it holds.
 *
 * @param containerId the container's id
 * @param monitorPid  the conmon process's pid
 * @param pid         the container's init process on the host
 * @param startedAt   when the runtime started the container
 * @param runtime     the runtime it runs under
 * @param exit        how it ended, or {@code null} while it runs
 */
public record MonitorStatus(String containerId, long monitorPid, long pid, Instant startedAt, OciRuntime runtime,
                            ExitStatus exit) {

    public boolean running() {
        return exit == null;
    }
}
