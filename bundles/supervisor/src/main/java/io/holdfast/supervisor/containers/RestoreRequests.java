package io.holdfast.supervisor.containers;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Requests for a restore, taken off the binding threads (a restore calls into plugins, which may be binding right now)
 * and coalesced: requests that arrive while one is pending make one restore. A request the restore cannot serve yet
 * (a binding it needs is missing) stays pending until the next request, which the missing binding's arrival makes.
 */
final class RestoreRequests implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RestoreRequests.class.getName());

    /** Runs the restore if it can; false when something it needs is not there yet. */
    private final BooleanSupplier restoreIfReady;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "holdfast-restore"));

    RestoreRequests(BooleanSupplier restoreIfReady) {
        this.restoreIfReady = restoreIfReady;
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
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "restore failed", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }
}
