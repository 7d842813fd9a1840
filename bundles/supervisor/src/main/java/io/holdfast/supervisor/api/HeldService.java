package io.holdfast.supervisor.api;

import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import java.time.Duration;

/**
 * A service of another bundle that may be away for a moment (its bundle is being swapped). A request that needs it
 * waits for it, up to a limit, instead of failing: a hot reload must not fail API calls.
 *
 * @param <T> the service type
 */
final class HeldService<T> {
    private final String what;
    private final Duration patience;
    private T service;

    /** {@code what} names the service in the error a client gets when it stays away, e.g. "the restore bundle". */
    HeldService(String what, Duration patience) {
        this.what = what;
        this.patience = patience;
    }

    synchronized void set(T arrived) {
        service = arrived;
        notifyAll();
    }

    synchronized void unset(T gone) {
        if (service == gone) {
            service = null;
        }
    }

    /** The service, waiting for it if it is away; FAILED once the patience runs out. */
    synchronized T get() {
        long deadline = System.nanoTime() + patience.toNanos();
        while (service == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new EngineException(Kind.FAILED, what + " is not running (waited " + patience.toSeconds()
                        + " s); see the engine log");
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException(Kind.FAILED, "interrupted while waiting for " + what);
            }
        }
        return service;
    }
}
