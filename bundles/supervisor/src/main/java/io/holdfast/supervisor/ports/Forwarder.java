package io.holdfast.supervisor.ports;

import io.holdfast.spi.container.PortBinding;

/**
 * One running forwarder process, as recorded on disk: what it forwards and which process it is. The start time
 * (clock ticks since boot, from {@code /proc/PID/stat}) tells the process apart from a later one that reused its pid.
 *
 * @param binding     the published port, on the host port actually taken
 * @param containerIp the container address it forwards to
 * @param pid         the forwarder's pid
 * @param startTicks  its start time in clock ticks since boot
 */
public record Forwarder(PortBinding binding, String containerIp, long pid, long startTicks) {
    /** Whether this very process still runs (not a zombie, not a later process under the same pid). */
    boolean alive() {
        long now = ProcessStart.ticks(pid);
        return now >= 0 && now == startTicks;
    }
}
