package io.holdfast.shim;

import io.holdfast.spi.monitor.ExitStatus;
import io.holdfast.spi.monitor.MonitorStatus;

/**
 * One container the shim holds: its durable record and, once it has ended, its exit and whether that exit has reached
 * a listener yet.
 */
final class HeldContainer {
    private final MonitorRecord record;
    private volatile ExitStatus exit;
    private volatile boolean exitDelivered;

    HeldContainer(MonitorRecord record, ExitStatus exit) {
        this(record, exit, false);
    }

    HeldContainer(MonitorRecord record, ExitStatus exit, boolean exitDelivered) {
        this.record = record;
        this.exit = exit;
        this.exitDelivered = exit != null && exitDelivered;
    }

    MonitorRecord record() {
        return record;
    }

    boolean running() {
        return exit == null;
    }

    /** Records the exit once; returns false if it was already known. */
    synchronized boolean exited(ExitStatus status) {
        if (exit != null) {
            return false;
        }
        exit = status;
        return true;
    }

    ExitStatus exit() {
        return exit;
    }

    /** Whether the exit has been handed to at least one {@code MonitorExitListener}. */
    boolean exitDelivered() {
        return exitDelivered;
    }

    void markDelivered() {
        exitDelivered = exit != null;
    }

    MonitorStatus status() {
        return new MonitorStatus(record.containerId(), record.monitorPid(), record.pid(), record.startedAt(),
                record.runtime(), exit);
    }
}
