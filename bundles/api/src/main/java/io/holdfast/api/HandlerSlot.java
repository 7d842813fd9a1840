package io.holdfast.api;

import java.time.Duration;
import org.eclipse.jetty.server.Handler;

/**
 * The engine's request handler, which comes and goes with the supervisor bundle. A request that arrives while it
 * is away waits for the next one instead of failing: a swap takes a fraction of a second.
 */
final class HandlerSlot {
    private final Duration patience;
    private Handler handler;

    HandlerSlot(Duration patience) {
        this.patience = patience;
    }

    synchronized void set(Handler arrived) {
        handler = arrived;
        notifyAll();
    }

    synchronized void unset(Handler gone) {
        if (handler == gone) {
            handler = null;
        }
    }

    /** The handler, waiting up to the patience for one; null if none came. */
    synchronized Handler await() throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (handler == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return handler;
    }

    synchronized boolean occupied() {
        return handler != null;
    }

    Duration patience() {
        return patience;
    }
}
