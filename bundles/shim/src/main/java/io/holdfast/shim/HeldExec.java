package io.holdfast.shim;

import io.holdfast.spi.monitor.ExecStatus;
import io.holdfast.spi.monitor.ExitStatus;

/** One exec the shim holds: its durable record and, once it has ended, its exit. */
final class HeldExec {
    private final ExecMonitorRecord record;
    private volatile ExitStatus exit;

    HeldExec(ExecMonitorRecord record, ExitStatus exit) {
        this.record = record;
        this.exit = exit;
    }

    ExecMonitorRecord record() {
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

    ExecStatus status() {
        return new ExecStatus(record.execId(), record.containerId(), record.monitorPid(), record.pid(),
                record.startedAt(), exit);
    }
}
