package io.holdfast.common.concurrent;

import java.time.Duration;

/**
 * A service of another bundle that is away for a moment while that bundle is swapped. A caller that needs it waits
 * for the next one, up to a limit, instead of failing: a hot reload must not fail requests.
 *
 * <pre>{@code
 * Awaited<Handler> handler = new Awaited<>();   // set/unset from the DS bind and unbind methods
 * Handler h = handler.await(Duration.ofSeconds(30)); // null if none came in time
 * }</pre>
 *
 * @param <T> the service type
 */
public final class Awaited<T> {
    private T service;

    public synchronized void set(T arrived) {
        service = arrived;
        notifyAll();
    }

    /** Forgets {@code gone} if it is the current one (a newer one may already have arrived). */
    public synchronized void unset(T gone) {
        if (service == gone) {
            service = null;
        }
    }

    public synchronized boolean present() {
        return service != null;
    }

    /** The service, waiting up to {@code patience} for one; null if none came. */
    public synchronized T await(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (service == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return service;
    }
}
