package io.holdfast.supervisor.containers;

import io.holdfast.spi.monitor.ContainerMonitor;
import io.holdfast.spi.monitor.ExitStatus;
import io.holdfast.spi.monitor.MonitorLaunch;
import io.holdfast.spi.monitor.MonitorStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A monitor without processes: each start (and exec) is a new run with a new pid; tests end runs by hand. */
final class FakeMonitor implements ContainerMonitor {
    private final Map<String, MonitorStatus> held = new ConcurrentHashMap<>();
    private final AtomicLong pids = new AtomicLong(1000);
    private volatile MonitorLaunch lastLaunch;
    private final Map<String, io.holdfast.spi.monitor.ExecStatus> execs = new ConcurrentHashMap<>();
    private volatile io.holdfast.spi.monitor.ExecLaunch lastExec;
    /** When set, the next exec fails with this runtime message. */
    volatile String execFailure;

    @Override
    public MonitorStatus start(MonitorLaunch launch) {
        lastLaunch = launch;
        MonitorStatus run = new MonitorStatus(launch.containerId(), 1, pids.incrementAndGet(), Instant.now(),
                launch.runtime(), null);
        held.put(launch.containerId(), run);
        return run;
    }

    /** What the most recent start was asked to launch. */
    MonitorLaunch lastLaunch() {
        return lastLaunch;
    }

    /** Ends the current run of {@code id} and returns its report, as the shim would announce it. */
    MonitorStatus end(String id, int code) {
        MonitorStatus run = held.get(id);
        MonitorStatus ended = new MonitorStatus(id, run.monitorPid(), run.pid(), run.startedAt(), run.runtime(),
                new ExitStatus(code, Instant.now()));
        held.put(id, ended);
        return ended;
    }

    @Override
    public Optional<MonitorStatus> status(String containerId) {
        return Optional.ofNullable(held.get(containerId));
    }

    @Override
    public Collection<MonitorStatus> held() {
        return held.values();
    }

    @Override
    public Collection<MonitorStatus> unmonitored() {
        return java.util.List.of();
    }

    @Override
    public void updateResources(String containerId, String linuxResources) {
    }

    @Override
    public java.io.OutputStream openStdin(String containerId) {
        return java.io.OutputStream.nullOutputStream();
    }

    /** When set, told of each signal, as a container that ends on it would make the shim report its exit. */
    volatile java.util.function.Consumer<String> onSignal;

    @Override
    public void resizeTerminal(String containerId, int height, int width) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void resizeExecTerminal(String execId, int height, int width) {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.io.OutputStream openExecStdin(String execId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void signal(String containerId, String signal) {
        java.util.function.Consumer<String> hook = onSignal;
        if (hook != null) {
            hook.accept(containerId);
        }
    }

    /** Containers frozen by {@link #pause}, as the freezer would say. */
    final java.util.Set<String> frozen = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public void pause(String containerId) {
        frozen.add(containerId);
    }

    @Override
    public void resume(String containerId) {
        frozen.remove(containerId);
    }

    @Override
    public boolean paused(String containerId) {
        return frozen.contains(containerId);
    }

    @Override
    public java.util.List<Long> processes(String containerId) {
        return status(containerId).map(s -> java.util.List.of(s.pid())).orElse(java.util.List.of());
    }

    /** When set, a release waits for it to open, as a slow runtime call ({@code runc delete}) would keep it. */
    volatile java.util.concurrent.CountDownLatch releaseGate;

    @Override
    public void release(String containerId, boolean force) {
        java.util.concurrent.CountDownLatch gate = releaseGate;
        if (gate != null) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        MonitorStatus run = held.get(containerId);
        if (run != null && run.running() && !force) {
            throw new IllegalStateException("released a running container: " + containerId);
        }
        held.remove(containerId);
    }

    @Override
    public io.holdfast.spi.monitor.ExecStatus exec(io.holdfast.spi.monitor.ExecLaunch launch)
            throws io.holdfast.spi.monitor.MonitorException {
        lastExec = launch;
        String failure = execFailure;
        if (failure != null) {
            execFailure = null;
            throw new io.holdfast.spi.monitor.MonitorException(failure);
        }
        var started = new io.holdfast.spi.monitor.ExecStatus(launch.execId(), launch.containerId(), 1,
                pids.incrementAndGet(), Instant.now(), null);
        execs.put(launch.execId(), started);
        return started;
    }

    io.holdfast.spi.monitor.ExecLaunch lastExec() {
        return lastExec;
    }

    /** Ends an exec and returns its report, as the shim would announce it. */
    io.holdfast.spi.monitor.ExecStatus endExec(String execId, int code) {
        var run = execs.get(execId);
        var ended = new io.holdfast.spi.monitor.ExecStatus(execId, run.containerId(), run.monitorPid(), run.pid(),
                run.startedAt(), new ExitStatus(code, Instant.now()));
        execs.put(execId, ended);
        return ended;
    }

    /** Forgets an exec as a wiped exec root would. */
    void loseExec(String execId) {
        execs.remove(execId);
    }

    @Override
    public Optional<io.holdfast.spi.monitor.ExecStatus> execStatus(String execId) {
        return Optional.ofNullable(execs.get(execId));
    }

    @Override
    public Collection<io.holdfast.spi.monitor.ExecStatus> execs() {
        return execs.values();
    }

    @Override
    public void releaseExec(String execId) {
        var run = execs.get(execId);
        if (run != null && run.running()) {
            throw new IllegalStateException("released a running exec: " + execId);
        }
        execs.remove(execId);
    }
}
