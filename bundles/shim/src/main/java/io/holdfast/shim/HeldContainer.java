package io.holdfast.shim;

import io.holdfast.spi.monitor.ExitStatus;
import io.holdfast.spi.monitor.MonitorStatus;

/** One container the shim holds: its durable record and, once it has ended, its exit. */
final class HeldContainer {
    private final MonitorRecord record;
    private volatile ExitStatus exit;

    HeldContainer(MonitorRecord record, ExitStatus exit) {
        this.record = record;
        this.exit = exit;
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

    MonitorStatus status() {
        return new MonitorStatus(record.containerId(), record.monitorPid(), record.pid(), record.startedAt(),
                record.runtime(), exit);
    }
}
