package io.holdfast.routes;

/** Test helper: waits on a condition (a thread blocked in a timed wait), never on a sleep of a guessed length. */
final class Waiting {
    private Waiting() {
    }

    /** Returns once {@code thread} waits with a timeout (Object.wait(ms), as Awaited does); fails after 10 s. */
    static void until(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(thread.getName() + " never waited; it is " + thread.getState());
            }
            Thread.sleep(1); // polls the condition; the outcome never depends on this length
        }
    }

    /** Returns once a request asked {@code services} for the restore bundle and waits for it. */
    static void untilAsked(FakeServices services) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (services.askedForRestore == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no request asked for the restore bundle");
            }
            Thread.sleep(1); // polls the condition; the outcome never depends on this length
        }
        until(services.askedForRestore);
    }
}
