package io.holdfast.shim;

import io.holdfast.spi.monitor.MonitorException;

/**
 * Counts the engine's calls that are changing a container (start, signal, release), so deactivation can refuse new
 * ones and wait for those under way: a launch must never straddle two revisions of the shim, and no caller's thread
 * may still run this revision's code once it is gone.
 */
final class InFlightCalls {
    private int active;
    private boolean closed;

    /** Admits a call, or refuses it with a sentence naming {@code what} once the shim is going away. */
    synchronized void enter(String what) throws MonitorException {
        if (closed) {
            throw new MonitorException(what + " was not done: the shim is stopping (being updated or shut down); "
                    + "try again in a moment");
        }
        active++;
    }

    synchronized void leave() {
        if (--active == 0) {
            notifyAll();
        }
    }

    /** Refuses new calls and waits up to {@code millis} for those under way; returns how many are still running. */
    synchronized int closeAndAwait(long millis) throws InterruptedException {
        closed = true;
        long deadline = System.currentTimeMillis() + millis;
        for (long left = millis; active > 0 && left > 0; left = deadline - System.currentTimeMillis()) {
            wait(left);
        }
        return active;
    }
}
