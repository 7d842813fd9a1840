package io.holdfast.shim;

import io.holdfast.spi.monitor.OciRuntime;
import java.time.Instant;

/**
 * The shim's durable note about one monitor, written before conmon is launched and again once the container runs,
 * so an engine killed at any instant finds every monitor it started.
 *
 * @param contract     the engine-to-monitor contract version that wrote it
 * @param containerId  the container's id
 * @param runtime      the OCI runtime it runs under
 * @param bundleDir    its OCI bundle
 * @param logPath      its log file
 * @param startedAt    when it started, or {@code null} while the launch is under way
 * @param pid          the container's init pid, 0 until started
 * @param pidStart     {@code /proc/PID/stat} start time of {@code pid}, to tell it from a reused pid
 * @param monitorPid   conmon's pid, 0 until started
 * @param monitorStart start time of {@code monitorPid}
 */
record MonitorRecord(int contract, String containerId, OciRuntime runtime, String bundleDir, String logPath,
                     Instant startedAt, long pid, long pidStart, long monitorPid, long monitorStart) {
    static final int CONTRACT = 1;

    static MonitorRecord launching(String containerId, OciRuntime runtime, String bundleDir, String logPath) {
        return new MonitorRecord(CONTRACT, containerId, runtime, bundleDir, logPath, null, 0, 0, 0, 0);
    }

    MonitorRecord started(Instant at, long newPid, long newPidStart, long newMonitorPid, long newMonitorStart) {
        return new MonitorRecord(contract, containerId, runtime, bundleDir, logPath, at, newPid, newPidStart,
                newMonitorPid, newMonitorStart);
    }

    boolean launchCompleted() {
        return startedAt != null;
    }
}
