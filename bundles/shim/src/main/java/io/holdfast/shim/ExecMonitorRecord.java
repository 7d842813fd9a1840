package io.holdfast.shim;

import io.holdfast.spi.monitor.OciRuntime;
import java.time.Instant;

/**
 * The shim's durable note about one exec's monitor, written before conmon is launched and again once the process
 * runs, like {@link MonitorRecord} for containers.
 *
 * @param contract     the engine-to-monitor contract version that wrote it
 * @param execId       the exec's id
 * @param containerId  the container it runs in
 * @param runtime      the container's OCI runtime
 * @param logPath      the exec's log file
 * @param startedAt    when it started, or {@code null} while the launch is under way
 * @param pid          the process, 0 until started
 * @param pidStart     {@code /proc/PID/stat} start time of {@code pid}
 * @param monitorPid   conmon's pid, 0 until started
 * @param monitorStart start time of {@code monitorPid}
 */
record ExecMonitorRecord(int contract, String execId, String containerId, OciRuntime runtime, String logPath,
                         Instant startedAt, long pid, long pidStart, long monitorPid, long monitorStart) {
    static final int CONTRACT = 1;

    static ExecMonitorRecord launching(String execId, String containerId, OciRuntime runtime, String logPath) {
        return new ExecMonitorRecord(CONTRACT, execId, containerId, runtime, logPath, null, 0, 0, 0, 0);
    }

    ExecMonitorRecord started(Instant at, long newPid, long newPidStart, long newMonitorPid, long newMonitorStart) {
        return new ExecMonitorRecord(contract, execId, containerId, runtime, logPath, at, newPid, newPidStart,
                newMonitorPid, newMonitorStart);
    }

    boolean launchCompleted() {
        return startedAt != null;
    }
}
