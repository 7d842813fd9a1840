package io.holdfast.spi.monitor;

import java.io.OutputStream;
import java.util.Collection;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Holds the running containers. Registered by the resident shim bundle, which is never restarted by a hot reload.
 *
 * <p>Each container runs under its own {@code conmon} process, which holds its stdio, writes its log and records its
 * exit code, so containers outlive the JVM. After an engine restart the shim finds every monitor again from the
 * records it keeps under the exec root; {@link #held()} then lists them all, running or exited.
 *
 * <p>A container the shim holds stays held after it exits, with its {@link ExitStatus}, until the engine calls
 * {@link #release}: an exit is never lost between the monitor and the engine. Exits are announced to every
 * {@link MonitorExitListener} service.
 *
 * <pre>{@code
 * MonitorStatus s = monitor.start(new MonitorLaunch(id, bundleDir, logPath, runc));
 * // ... later, after a MonitorExitListener heard of the exit:
 * monitor.release(id);
 * }</pre>
 *
 * <p><b>Execs.</b> A process started in a running container ({@link #exec}) runs under a monitor of its own, with its
 * own log and exit file, so it too outlives the engine; the shim finds it again after a restart and holds it,
 * running or exited, until {@link #releaseExec}. Its exit is announced to every
 * {@link ExecExitListener}.
 */
@ProviderType
public interface ContainerMonitor {

    /**
     * Starts a monitor, has it create the container, and starts the container. Blocks until the container's init
     * process runs (typically 100-400 ms) or the runtime fails.
     */
    MonitorStatus start(MonitorLaunch launch) throws MonitorException;

    /** The container's status, if this shim holds it. Never blocks. */
    Optional<MonitorStatus> status(String containerId);

    /** Every container held, running or exited and not yet released. Never blocks. */
    Collection<MonitorStatus> held();

    /**
     * Containers the OCI runtimes know under this shim's runtime roots that no monitor holds: a monitor that was
     * killed, or whose record was lost. Nothing watches their exit or writes their output; the restore reports them.
     * {@code monitorPid} is 0; {@code exit} is set when the runtime says they stopped (code 255: unknown). Blocks
     * while each runtime lists its containers (milliseconds). Fails, rather than answering "none", when a runtime
     * cannot list them.
     */
    Collection<MonitorStatus> unmonitored() throws MonitorException;

    /**
     * Connects one client to the stdin of a running container launched with {@link MonitorLaunch#stdin()}: bytes
     * written reach the container; closing the stream detaches the client. Blocks until the monitor accepted it.
     */
    OutputStream openStdin(String containerId) throws MonitorException;

    /** Sends a signal ({@code TERM}, {@code KILL}, a number) through the runtime. Blocks while the runtime runs. */
    void signal(String containerId, String signal) throws MonitorException;

    /**
     * Freezes every process of a running container ({@code runc pause}); they stay frozen, and the container held,
     * whatever happens to the engine, until {@link #resume}. Blocks while the runtime runs (milliseconds). Fails if
     * the container is not held and running, or the runtime refuses.
     */
    void pause(String containerId) throws MonitorException;

    /** Thaws a container {@link #pause}d before ({@code runc resume}). Blocks while the runtime runs. */
    void resume(String containerId) throws MonitorException;

    /**
     * Applies new cgroup limits to a running container ({@code runc update -r}): {@code linuxResources} is an OCI
     * runtime-spec {@code linux.resources} document; what it leaves out stays as it is. Blocks while the runtime
     * runs (milliseconds). Fails if the container is not held and running, or the runtime refuses (e.g. a memory
     * limit below what the container uses now).
     */
    void updateResources(String containerId, String linuxResources) throws MonitorException;

    /**
     * Whether a held, running container's processes are frozen now, as its freezer cgroup says (so also after a
     * pause an earlier engine made). Reads two small files; never runs the runtime, never blocks. False for a
     * container that is not held or not running.
     */
    boolean paused(String containerId);

    /**
     * The host pids of every process in a running container ({@code runc ps}), init first. Blocks while the runtime
     * runs (milliseconds). Fails if the container is not held and running.
     */
    java.util.List<Long> processes(String containerId) throws MonitorException;

    /**
     * Forgets an exited container: deletes it from the runtime and drops the monitor's record. With {@code force} a
     * running container is killed first; that also ends an {@link #unmonitored} one. Releasing a container that is
     * not held does nothing.
     */
    void release(String containerId, boolean force) throws MonitorException;

    /**
     * Starts a process in the running container {@code launch.containerId()} under a new monitor (conmon's exec mode,
     * the runtime's {@code exec}). Blocks until the process runs (typically 50-300 ms) or the runtime refuses it; the
     * exception then carries the runtime's message, e.g. {@code executable file not found in $PATH}. Starting an
     * exec id that is already held fails.
     */
    ExecStatus exec(ExecLaunch launch) throws MonitorException;

    /**
     * The exec's status, if this shim holds it. Never blocks (it reads the exec's exit file, so an exit is seen at once
     * even before it is announced).
     */
    Optional<ExecStatus> execStatus(String execId);

    /** Every exec held, running or exited and not yet released. Never blocks. */
    Collection<ExecStatus> execs();

    /**
     * Forgets an exited exec: drops its monitor's record and files. Idempotent: releasing an exec that is not held
     * does nothing. Fails for an exec that still runs. Releasing a container does not release its execs: their exits
     * (they end with the container) still reach the listeners.
     */
    void releaseExec(String execId) throws MonitorException;

    /**
     * Sets the size of the running container's terminal, which its process sees at once ({@code SIGWINCH}). Does
     * nothing for a container started without a terminal. Never blocks (one write to the monitor's control pipe).
     */
    void resizeTerminal(String containerId, int height, int width) throws MonitorException;

    /** {@link #resizeTerminal} for a running exec started with a terminal. */
    void resizeExecTerminal(String execId, int height, int width) throws MonitorException;

    /**
     * The running exec's stdin, for one client to write to, as {@link #openStdin} for containers; closing it closes
     * the process's stdin unless the exec has a terminal. Fails for an exec started without {@code stdin}.
     */
    OutputStream openExecStdin(String execId) throws MonitorException;
}
