package io.holdfast.routes;

import io.holdfast.common.concurrent.Awaited;
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
    private final Awaited<T> service = new Awaited<>();

    /** {@code what} names the service in the error a client gets when it stays away, e.g. "the restore bundle". */
    HeldService(String what, Duration patience) {
        this.what = what;
        this.patience = patience;
    }

    void set(T arrived) {
        service.set(arrived);
    }

    void unset(T gone) {
        service.unset(gone);
    }

    /** The service, waiting for it if it is away; FAILED once the patience runs out. */
    T get() {
        try {
            T present = service.await(patience);
            if (present == null) {
                throw new EngineException(Kind.FAILED, what + " is not running (waited " + patience.toSeconds()
                        + " s); see the engine log");
            }
            return present;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(Kind.FAILED, "interrupted while waiting for " + what);
        }
    }
}
