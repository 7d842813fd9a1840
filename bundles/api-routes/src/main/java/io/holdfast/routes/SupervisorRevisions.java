package io.holdfast.routes;

import io.holdfast.spi.container.Containers;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The supervisor revisions as they come and go, for the API's long requests: {@link ApiHandler} is restarted with
 * each revision, but a {@code wait} or {@code logs -f} that the old revision can no longer answer (its exit futures
 * are cancelled when it stops) moves to the next one through this component, which lives as long as this bundle.
 * Private to this bundle: the service type is in a package it does not export.
 *
 * <pre>{@code
 * revisions.after(old).thenCompose(next -> next.awaitExit(id));
 * }</pre>
 */
@Component(service = SupervisorRevisions.class, immediate = true) // lives as long as the bundle, not only while used
public class SupervisorRevisions {
    /** How long a request waits for the next revision; a swap takes well under a second. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Containers current;
    private final List<CompletableFuture<Containers>> waiting = new ArrayList<>();
    private boolean closed;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetContainers")
    void setContainers(Containers arrived) {
        List<CompletableFuture<Containers>> ready;
        synchronized (this) {
            current = arrived;
            ready = new ArrayList<>(waiting);
            waiting.clear();
        }
        ready.forEach(f -> f.complete(arrived)); // outside the lock: completions run the requests' next steps
    }

    synchronized void unsetContainers(Containers gone) {
        if (current == gone) {
            current = null;
        }
    }

    /**
     * The revision serving now if it is not {@code previous}, else the next one to arrive; fails with
     * {@code FAILED} if none comes within {@link #PATIENCE} or this bundle stops.
     */
    CompletableFuture<Containers> after(Containers previous) {
        CompletableFuture<Containers> next = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(gone());
            }
            if (current != null && current != previous) {
                return CompletableFuture.completedFuture(current);
            }
            waiting.add(next);
        }
        next.completeOnTimeout(null, PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        return next.thenApply(found -> {
            if (found == null) {
                throw new EngineException(Kind.FAILED, "no supervisor came back within " + PATIENCE.toSeconds()
                        + " s of a reload; see the engine log");
            }
            return found;
        });
    }

    @Deactivate
    void deactivate() {
        List<CompletableFuture<Containers>> left;
        synchronized (this) {
            closed = true;
            left = new ArrayList<>(waiting);
            waiting.clear();
        }
        left.forEach(f -> f.completeExceptionally(gone()));
    }

    private static EngineException gone() {
        return new EngineException(Kind.FAILED, "the API bundle is stopping");
    }
}
