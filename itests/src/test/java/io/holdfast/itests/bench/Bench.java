package io.holdfast.itests.bench;

import io.holdfast.itests.support.Api;
import io.holdfast.itests.support.Engine;

/** Waiting helpers the scenarios share; each gives up loudly instead of hanging a benchmark run. */
final class Bench {
    private Bench() {
    }

    /** Polls the socket every 2 ms until it answers; fails after a minute with the engine's log. */
    static void awaitPing(Engine engine) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Api.of(engine).ping()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("holdfastd did not answer within 60 s:\n" + engine.log());
            }
            Thread.sleep(2);
        }
    }
}
