package io.holdfast.spi.monitor;

import java.time.Instant;

/**
 * What the shim knows of one exec'd process it holds.
 *
 * @param execId      the exec's id
 * @param containerId the container it runs in
 * @param monitorPid  its conmon's pid
 * @param pid         the process on the host
 * @param startedAt   when the runtime started it
 * @param exit        how it ended, or {@code null} while it runs
 */
public record ExecStatus(String execId, String containerId, long monitorPid, long pid, Instant startedAt,
                         ExitStatus exit) {

    public boolean running() {
        return exit == null;
    }
}
