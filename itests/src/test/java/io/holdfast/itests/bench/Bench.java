package io.holdfast.itests.bench;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Engine;

/** Waiting helpers the scenarios share; each gives up loudly instead of hanging a benchmark run. */
final class Bench {
    private Bench() {
    }

    /**
     * Polls {@code /_ping} every 2 ms until it answers, as a client retrying would; returns how many of its attempts
     * could not connect (refused, or no socket yet). Fails after a minute with the engine's log.
     */
    static int awaitPing(Engine engine) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        int refused = 0;
        Api api = Api.of(engine);
        while (true) {
            try {
                if (api.request("GET", "/_ping").status() == 200) {
                    return refused;
                }
            } catch (java.io.IOException e) {
                refused++;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("holdfastd did not answer within 60 s:\n" + engine.log());
            }
            Thread.sleep(2);
        }
    }
}
