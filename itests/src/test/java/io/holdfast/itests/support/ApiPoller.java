package io.holdfast.itests.support;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A thread issuing {@code GET /containers/json} back to back until closed: every answer that is a 200 listing all
 * {@code expected} containers is an arrival; anything else (another status, a short list, an I/O error) a failure.
 */
public final class ApiPoller implements AutoCloseable {
    private final Api api;
    private final int expected;
    private final Arrivals answers = new Arrivals();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean polling = true;

    public ApiPoller(Api api, int expected) {
        this.api = api;
        this.expected = expected;
        this.thread = new Thread(this::poll, "bench-api-poller");
        thread.setDaemon(true); // never keeps a failed run alive
        thread.start();
    }

    private void poll() {
        while (polling) {
            try {
                Api.Response r = api.request("GET", "/containers/json");
                if (r.status() == 200 && r.json().size() == expected) {
                    answers.record();
                    answered.incrementAndGet();
                } else {
                    fail(r.status() + " with " + (r.status() == 200 ? r.json().size() + " containers" : r.body()));
                }
            } catch (Exception e) {
                fail(e.toString());
            }
        }
    }

    private void fail(String why) {
        failures.incrementAndGet();
        firstFailure.compareAndSet(null, why);
    }

    /** How many answers arrived so far; readable while polling. */
    public int answered() {
        return answered.get();
    }

    /** Valid once closed. */
    public Arrivals answers() {
        return answers;
    }

    public int failures() {
        return failures.get();
    }

    public String firstFailure() {
        return firstFailure.get();
    }

    @Override
    public void close() throws InterruptedException {
        polling = false;
        thread.join();
    }
}
