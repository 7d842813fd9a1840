package io.holdfast.itests.support;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A client that lists containers back to back on its own thread, as a dashboard would, and remembers the first
 * answer that was not a 200 with the expected number of containers.
 *
 * <pre>{@code
 * try (ApiPoller poller = ApiPoller.start(api, 20)) { ...swap bundles... }
 * assertNull(poller.firstFailure());
 * }</pre>
 */
public final class ApiPoller implements AutoCloseable {
    private final AtomicBoolean polling = new AtomicBoolean(true);
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final Thread thread;

    private ApiPoller(Api api, int containers) {
        thread = new Thread(() -> {
            while (polling.get()) {
                try {
                    Api.Response r = api.request("GET", "/containers/json");
                    if (r.status() != 200 || r.json().size() != containers) {
                        firstFailure.compareAndSet(null, r.status() + " " + r.body());
                    }
                    answered.incrementAndGet();
                } catch (Exception e) {
                    firstFailure.compareAndSet(null, e.toString());
                }
            }
        }, "api-poller");
    }

    /** Starts polling {@code GET /containers/json}, expecting {@code containers} in each answer. */
    public static ApiPoller start(Api api, int containers) {
        ApiPoller poller = new ApiPoller(api, containers);
        poller.thread.start();
        return poller;
    }

    /** Stops polling and waits for the last request. */
    @Override
    public void close() throws InterruptedException {
        polling.set(false);
        thread.join();
    }

    public int answered() {
        return answered.get();
    }

    /** The first unexpected answer or error, or null. */
    public String firstFailure() {
        return firstFailure.get();
    }
}
