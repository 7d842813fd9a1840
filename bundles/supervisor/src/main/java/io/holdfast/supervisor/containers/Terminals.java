package io.holdfast.supervisor.containers;

import io.holdfast.spi.container.ContainerRecord;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.container.ExecRecord;
import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.monitor.MonitorException;
import java.io.OutputStream;

/**
 * The terminals and stdin a client drives directly: resizing a container's or an exec's pseudo-terminal
 * ({@code docker run -it}, {@code docker exec -it}) and writing to an exec's stdin. The monitor holds both, so they
 * outlive the engine; here the request is checked against the records and handed to the monitor.
 */
final class Terminals {
    private final ContainerTable containers;
    private final Execs execs;
    private final ContainerMonitor monitor;

    Terminals(ContainerTable containers, Execs execs, ContainerMonitor monitor) {
        this.containers = containers;
        this.execs = execs;
        this.monitor = monitor;
    }

    void resizeContainer(String ref, int height, int width) {
        checkSize(height, width);
        ContainerRecord record = containers.resolve(ref);
        if (!record.state().running()) {
            throw new EngineException(Kind.CONFLICT, "Container " + record.shortId() + " is not running");
        }
        if (!record.spec().process().tty()) {
            return; // Docker too answers a resize of a container without a terminal with success and does nothing
        }
        try {
            monitor.resizeTerminal(record.id(), height, width);
        } catch (MonitorException e) {
            throw new EngineException(Kind.FAILED, e.getMessage(), e);
        }
    }

    void resizeExec(String execId, int height, int width) {
        checkSize(height, width);
        ExecRecord exec = execs.get(execId);
        ContainerRecord container = containers.byId(exec.containerId());
        if (!container.state().running()) {
            throw new EngineException(Kind.CONFLICT, "Container " + container.shortId() + " is not running");
        }
        if (!exec.spec().tty()) {
            return; // as Docker: nothing to resize, and no error
        }
        runningExec(execId);
        try {
            monitor.resizeExecTerminal(exec.id(), height, width);
        } catch (MonitorException e) {
            throw new EngineException(Kind.FAILED, e.getMessage(), e);
        }
    }

    OutputStream openExecStdin(String execId) {
        ExecRecord exec = execs.get(execId);
        if (!exec.spec().attachStdin()) {
            throw new EngineException(Kind.INVALID, "exec " + execId + " was not created with AttachStdin");
        }
        runningExec(execId);
        try {
            return monitor.openExecStdin(exec.id());
        } catch (MonitorException e) {
            throw new EngineException(Kind.FAILED, e.getMessage(), e);
        }
    }

    private ExecRecord runningExec(String execId) {
        ExecRecord exec = execs.get(execId);
        if (!exec.running()) {
            throw new EngineException(Kind.CONFLICT, "exec " + execId + " is not running");
        }
        return exec;
    }

    private static void checkSize(int height, int width) {
        if (height < 1 || width < 1) {
            throw new EngineException(Kind.INVALID, "terminal size " + height + "x" + width
                    + ": h and w must be at least 1");
        }
    }
}
