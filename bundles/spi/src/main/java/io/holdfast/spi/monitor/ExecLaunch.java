package io.holdfast.spi.monitor;

/**
 * What the shim needs to start one process in a running container under a monitor of its own (conmon's exec mode).
 *
 * @param execId      the exec's id (64 hex characters); names the monitor and its files
 * @param containerId the running container the process joins
 * @param processSpec an OCI {@code process} JSON file (args, env, cwd, user, capabilities) the runtime's
 *                    {@code exec --process} reads; the caller keeps it until the exec has started
 * @param logPath     where the monitor writes the process's stdout and stderr (k8s-file format)
 * @param runtime     the OCI runtime the container runs under
 * @param logSizeMax  the most bytes the monitor writes to the log before it starts an empty one, as for containers
 *                    ({@link MonitorLaunch#logSizeMax}); {@code 0} or less means unbounded
 * @param stdin       the monitor holds the process's stdin open for a client ({@link ContainerMonitor#openExecStdin})
 * @param terminal    the process gets a pseudo-terminal (the process spec must say {@code terminal: true})
 */
public record ExecLaunch(String execId, String containerId, String processSpec, String logPath, OciRuntime runtime,
                         long logSizeMax, boolean stdin, boolean terminal) {

    /** An exec without stdin or terminal. */
    public ExecLaunch(String execId, String containerId, String processSpec, String logPath, OciRuntime runtime,
                      long logSizeMax) {
        this(execId, containerId, processSpec, logPath, runtime, logSizeMax, false, false);
    }
}
