package io.holdfast.cli.commands;

import io.holdfast.cli.engine.EngineApiException;
import io.holdfast.cli.engine.EngineClient;
import io.holdfast.cli.engine.LogDemultiplexer;
import io.holdfast.cli.http.HttpResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code holdfast run}: create and start a container. Detached, print its id; otherwise follow its
 * output until it stops and exit with its status.
 */
@Command(name = "run", description = "Create and start a container; without -d, follow its output and exit with its status.")
public final class RunCommand extends EngineCommand {

    /** Docker's status for a failure of the engine rather than of the container. */
    static final int ENGINE_FAILURE = 125;

    private static final long EARLY_WAIT_GRACE_SECONDS = 5;

    @Option(names = {"-d", "--detach"}, description = "Run in the background and print the container id.")
    boolean detach;

    @Mixin
    ContainerOptions options;

    @Override
    public Integer call() throws IOException, InterruptedException {
        EngineClient engine = engine();
        String id = options.create(engine, context());
        if (detach) {
            engine.start(id);
            out().println(id);
            return 0;
        }
        // With --rm the daemon may delete the container before our final wait; a wait sent before
        // start still gets its status.
        CompletableFuture<Integer> earlyExit = options.autoRemove ? waitInBackground(engine, id) : null;
        // attached before the start, as docker run does: a short-lived --rm container may be gone by the time a
        // follow of its log sent after the start arrives, and its output with it
        try (HttpResponse output = engine.attachBeforeStart(id)) {
            engine.start(id);
            new LogDemultiplexer(out(), err()).copy(output.body());
        }
        return exitStatus(engine, id, earlyExit);
    }

    private static int exitStatus(EngineClient engine, String id, CompletableFuture<Integer> earlyExit)
            throws IOException, InterruptedException {
        try {
            return engine.waitFor(id);
        } catch (EngineApiException gone) {
            if (!gone.notFound() || earlyExit == null) {
                throw gone;
            }
            try {
                // Bounded: had the early wait missed the exit (a race with a very short-lived
                // container), it would never answer.
                return earlyExit.get(EARLY_WAIT_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                gone.addSuppressed(e.getCause());
                throw gone;
            } catch (TimeoutException e) {
                throw gone;
            }
        }
    }

    private static CompletableFuture<Integer> waitInBackground(EngineClient engine, String id) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                status.complete(engine.waitForNextExit(id));
            } catch (IOException | RuntimeException e) {
                status.completeExceptionally(e);
            }
        }, "wait-" + id);
        waiter.setDaemon(true); // never keeps the CLI alive on its own
        waiter.start();
        return status;
    }

    @Override
    public int failureExitCode() {
        return ENGINE_FAILURE;
    }
}
