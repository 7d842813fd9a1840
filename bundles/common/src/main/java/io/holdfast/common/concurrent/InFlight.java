package io.holdfast.common.concurrent;

/**
 * Counts calls under way into a component that is about to go away (a bundle being swapped), so that its
 * deactivation can refuse new ones and wait for those running: no caller's thread may still run the old revision's
 * code once it is gone.
 *
 * <pre>{@code
 * if (!inFlight.tryEnter()) { refuse(); }
 * try { work(); } finally { inFlight.leave(); }
 * ...
 * int stillRunning = inFlight.closeAndAwait(10_000); // in @Deactivate
 * }</pre>
 */
public final class InFlight {
    private int active;
    private boolean closed;

    /** Counts a call in; false once closed (the caller refuses it, or sends it elsewhere). */
    public synchronized boolean tryEnter() {
        if (closed) {
            return false;
        }
        active++;
        return true;
    }

    public synchronized void leave() {
        if (--active == 0) {
            notifyAll();
        }
    }

    /** Admits no more calls and waits up to {@code millis} for those under way; returns how many still run. */
    public synchronized int closeAndAwait(long millis) throws InterruptedException {
        closed = true;
        long deadline = System.currentTimeMillis() + millis;
        for (long left = millis; active > 0 && left > 0; left = deadline - System.currentTimeMillis()) {
            wait(left);
        }
        return active;
    }
}
