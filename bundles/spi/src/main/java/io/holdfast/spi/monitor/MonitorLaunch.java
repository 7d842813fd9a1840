package io.holdfast.spi.monitor;

/**
 * What the shim needs to start one container under a new monitor.
 *
 * @param containerId    the container's id, also used as the runtime's container id
 * @param bundleDir      the OCI bundle directory holding {@code config.json}
 * @param logPath        where the monitor writes the container's stdout and stderr (k8s-file format)
 * @param runtime        the OCI runtime that creates and starts the container
 * @param logSizeMax     the most bytes the monitor writes to the log before it replaces the file with an empty one
 *                       (the older lines are gone; no rotated copy is kept); {@code 0} or less means unbounded
 * @param stdin          the monitor keeps the container's stdin open for clients
 *                       ({@link ContainerMonitor#openStdin}); otherwise the container reads end-of-file
 * @param leaveStdinOpen with {@code stdin}: a client that detaches leaves stdin open for the next one
 * @param terminal       the monitor gives the container a pseudo-terminal and holds its master side (the bundle's
 *                       {@code config.json} must say {@code process.terminal: true}); see
 *                       {@link ContainerMonitor#resizeTerminal}
 */
public record MonitorLaunch(String containerId, String bundleDir, String logPath, OciRuntime runtime,
                            long logSizeMax, boolean stdin, boolean leaveStdinOpen, boolean terminal) {

    /** A launch without a terminal. */
    public MonitorLaunch(String containerId, String bundleDir, String logPath, OciRuntime runtime, long logSizeMax,
                         boolean stdin, boolean leaveStdinOpen) {
        this(containerId, bundleDir, logPath, runtime, logSizeMax, stdin, leaveStdinOpen, false);
    }

    /** A launch whose container has no stdin. */
    public MonitorLaunch(String containerId, String bundleDir, String logPath, OciRuntime runtime, long logSizeMax) {
        this(containerId, bundleDir, logPath, runtime, logSizeMax, false, false);
    }

    /** A launch whose log grows without bound. */
    public MonitorLaunch(String containerId, String bundleDir, String logPath, OciRuntime runtime) {
        this(containerId, bundleDir, logPath, runtime, 0);
    }

    /** Whether the monitor is told to bound the log. */
    public boolean logSizeBounded() {
        return logSizeMax > 0;
    }
}
