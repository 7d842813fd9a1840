package io.holdfast.supervisor.containers;

import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.monitor.ExecLaunch;
import io.holdfast.spi.monitor.ExecStatus;
import io.holdfast.spi.monitor.MonitorException;
import io.holdfast.spi.monitor.MonitorLaunch;
import io.holdfast.spi.monitor.MonitorStatus;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The shim as the supervisor sees it: whichever {@link ContainerMonitor} is bound now. The shim bundle can be updated
 * by a reload; the supervisor keeps running through the swap, and a call made in the moment between the two
 * revisions fails with a sentence rather than reaching a shim that is gone.
 */
final class BoundMonitor implements ContainerMonitor {
    private final Supplier<ContainerMonitor> current;

    BoundMonitor(Supplier<ContainerMonitor> current) {
        this.current = current;
    }

    private ContainerMonitor monitor() throws MonitorException {
        ContainerMonitor monitor = current.get();
        if (monitor == null) {
            throw new MonitorException("no container monitor is running: the shim is being updated; try again");
        }
        return monitor;
    }

    private ContainerMonitor monitorForRead() {
        ContainerMonitor monitor = current.get();
        if (monitor == null) {
            throw new IllegalStateException("no container monitor is running: the shim is being updated");
        }
        return monitor;
    }

    @Override
    public MonitorStatus start(MonitorLaunch launch) throws MonitorException {
        return monitor().start(launch);
    }

    @Override
    public Optional<MonitorStatus> status(String containerId) {
        return monitorForRead().status(containerId);
    }

    @Override
    public Collection<MonitorStatus> held() {
        return monitorForRead().held();
    }

    @Override
    public Collection<MonitorStatus> unmonitored() throws MonitorException {
        return monitorForRead().unmonitored();
    }

    @Override
    public void updateResources(String containerId, String linuxResources) throws MonitorException {
        monitor().updateResources(containerId, linuxResources);
    }

    @Override
    public OutputStream openStdin(String containerId) throws MonitorException {
        return monitor().openStdin(containerId);
    }

    @Override
    public void resizeTerminal(String containerId, int height, int width) throws MonitorException {
        monitor().resizeTerminal(containerId, height, width);
    }

    @Override
    public void resizeExecTerminal(String execId, int height, int width) throws MonitorException {
        monitor().resizeExecTerminal(execId, height, width);
    }

    @Override
    public OutputStream openExecStdin(String execId) throws MonitorException {
        return monitor().openExecStdin(execId);
    }

    @Override
    public void signal(String containerId, String signal) throws MonitorException {
        monitor().signal(containerId, signal);
    }

    @Override
    public void pause(String containerId) throws MonitorException {
        monitor().pause(containerId);
    }

    @Override
    public void resume(String containerId) throws MonitorException {
        monitor().resume(containerId);
    }

    @Override
    public boolean paused(String containerId) {
        return monitorForRead().paused(containerId);
    }

    @Override
    public java.util.List<Long> processes(String containerId) throws MonitorException {
        return monitor().processes(containerId);
    }

    @Override
    public void release(String containerId, boolean force) throws MonitorException {
        monitor().release(containerId, force);
    }

    @Override
    public ExecStatus exec(ExecLaunch launch) throws MonitorException {
        return monitor().exec(launch);
    }

    @Override
    public Optional<ExecStatus> execStatus(String execId) {
        return monitorForRead().execStatus(execId);
    }

    @Override
    public Collection<ExecStatus> execs() {
        return monitorForRead().execs();
    }

    @Override
    public void releaseExec(String execId) throws MonitorException {
        monitor().releaseExec(execId);
    }
}
