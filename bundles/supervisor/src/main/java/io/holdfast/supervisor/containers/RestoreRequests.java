package io.holdfast.supervisor.containers;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Requests for a restore, taken off the binding threads (a restore calls into plugins, which may be binding right now)
 * and coalesced: requests that arrive while one is pending make one restore. A request the restore cannot serve yet
 * (a binding it needs is missing) stays pending until the next request, which the missing binding's arrival makes,
 * and is tried again every {@code patience} meanwhile with a warning that names what it waits for: a start whose
 * restore never comes says why in its log.
 */
final class RestoreRequests implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RestoreRequests.class.getName());

    /** Runs the restore if it can; false when something it needs is not there yet. */
    private final BooleanSupplier restoreIfReady;
    /** What a restore that cannot run yet waits for, in a few words. */
    private final Supplier<String> waitingFor;
    private final Duration patience;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean retryScheduled = new AtomicBoolean();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "holdfast-restore"));

    RestoreRequests(BooleanSupplier restoreIfReady, Supplier<String> waitingFor, Duration patience) {
        this.restoreIfReady = restoreIfReady;
        this.waitingFor = waitingFor;
        this.patience = patience;
    }

    void request() {
        pending.set(true);
        try {
            thread.execute(this::serve);
        } catch (RejectedExecutionException e) {
            LOG.fine("restore request after close: the next supervisor runs its own");
        }
    }

    private void serve() {
        if (!pending.getAndSet(false)) {
            return; // an earlier task served this request too
        }
        try {
            if (!restoreIfReady.getAsBoolean()) {
                pending.set(true);
                retryLater();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "restore failed", e);
        }
    }

    private void retryLater() {
        if (retryScheduled.compareAndSet(false, true)) {
            try {
                thread.schedule(this::retry, patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                retryScheduled.set(false); // closing
            }
        }
    }

    private void retry() {
        retryScheduled.set(false);
        if (pending.get()) {
            LOG.warning(() -> "a restore asked for " + patience.toSeconds() + " s ago has not run yet: it waits for "
                    + waitingFor.get());
            serve();
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }
}
