package io.holdfast.supervisor.api;

/**
 * Counts requests this revision is answering, so that when it is swapped out it lets them finish before its
 * services go: a create that is half done when the bundle stops would otherwise fail. Streams ({@code logs -f},
 * {@code events}) stop counting once they start streaming: they may last for hours, and end at their next line.
 */
final class RequestsInFlight {
    private int active;
    private boolean closed;

    /** Counts a request in; false once this revision is closing (the request must go to the next one). */
    synchronized boolean enter() {
        if (closed) {
            return false;
        }
        active++;
        return true;
    }

    synchronized void leave() {
        if (--active == 0) {
            notifyAll();
        }
    }

    /** Admits no more requests, waits up to {@code millis} for the counted ones; returns how many still run. */
    synchronized int closeAndAwait(long millis) throws InterruptedException {
        closed = true;
        long deadline = System.currentTimeMillis() + millis;
        for (long left = millis; active > 0 && left > 0; left = deadline - System.currentTimeMillis()) {
            wait(left);
        }
        return active;
    }
}
