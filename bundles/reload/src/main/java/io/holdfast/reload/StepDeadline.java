package io.holdfast.reload;

import io.holdfast.reload.BundleSwap.ReloadFailure;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one framework step of a reload (start, stop, update, uninstall a bundle) with a deadline, on a thread of its
 * own: a bundle whose activator blocks must not hang the reload thread, and so every later reload, with it. When the
 * deadline passes, the step's thread is interrupted and left behind (an activator that ignores interrupts keeps it),
 * and the reload fails with a reason naming the bundle and the step, which puts the previous revisions back.
 *
 * <pre>{@code
 * StepDeadline deadline = new StepDeadline(Duration.ofSeconds(30));
 * deadline.run("start io.holdfast.restore", bundle::start);   // ReloadFailure after 30 s
 * }</pre>
 */
final class StepDeadline {
    /** A framework call: the step itself. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private final Duration limit;
    /** A thread per step at most: a stuck one is not reused, the next step gets a new thread. */
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "holdfast-reload-step");
        thread.setDaemon(true);
        return thread;
    });

    StepDeadline(Duration limit) {
        this.limit = limit;
    }

    Duration limit() {
        return limit;
    }

    /**
     * Runs {@code step}; throws {@link ReloadFailure} when it fails or has not returned within the limit, and then
     * interrupts it (an activator waiting interruptibly gives up).
     */
    void run(String what, Step step) throws ReloadFailure {
        run(what, step, true);
    }

    /**
     * Runs a step of a rollback: as {@link #run}, but a step past its limit is left to finish (it waits for the bundle
     * a blocked activator holds, and puts it back once that activator returns) rather than interrupted.
     */
    void runToCompletion(String what, Step step) throws ReloadFailure {
        run(what, step, false);
    }

    private void run(String what, Step step, boolean interrupt) throws ReloadFailure {
        Future<?> running = threads.submit(() -> {
            step.run();
            return null;
        });
        try {
            running.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(interrupt);
            throw new ReloadFailure(what + " did not finish within " + limit.toSeconds() + " s (an activator or "
                    + "component that blocks?)", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new ReloadFailure(what + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new ReloadFailure("interrupted during " + what, e);
        }
    }

    /** Stops handing out threads; a step still waiting keeps its own until the activator it waits for returns. */
    void close() {
        threads.shutdown();
    }
}
