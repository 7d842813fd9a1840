package io.holdfast.supervisor.api;

/**
 * Counts requests this revision is answering, so that when it is swapped out it lets them finish before its
 * services go: a create that is half done when the bundle stops would otherwise fail. Streams ({@code logs -f},
 * {@code events}) stop counting once they start streaming: they may last for hours, and end at their next line.
 */
final class RequestsInFlight {
    private int active;

    synchronized void enter() {
        active++;
    }

    synchronized void leave() {
        if (--active == 0) {
            notifyAll();
        }
    }

    /** Waits up to {@code millis} for every counted request to finish; returns how many still run. */
    synchronized int awaitNone(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        for (long left = millis; active > 0 && left > 0; left = deadline - System.currentTimeMillis()) {
            wait(left);
        }
        return active;
    }
}
