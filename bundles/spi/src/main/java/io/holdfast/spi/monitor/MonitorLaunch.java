package io.holdfast.spi.monitor;

/**
 * What the shim needs to start one container under a new monitor.
 *
 * @param containerId the container's id, also used as the runtime's container id
 * @param bundleDir   the OCI bundle directory holding {@code config.json}
 * @param logPath     where the monitor writes the container's stdout and stderr (k8s-file format)
 * @param runtime     the OCI runtime that creates and starts the container
 */
public record MonitorLaunch(String containerId, String bundleDir, String logPath, OciRuntime runtime) {
}
