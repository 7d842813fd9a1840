package io.holdfast.spi.events;

import java.time.Duration;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One subscriber's view of the event stream, from {@link EngineEvents#subscribe}: the replayed events first, then
 * live ones, in publication order. It is read by one thread; {@link #close()} may be called from any.
 *
 * <pre>{@code
 * try (EventSubscription events = journal.subscribe(since)) {
 *     while (events.isOpen()) {
 *         events.next(Duration.ofSeconds(1)).ifPresent(this::send);
 *     }
 * }
 * }</pre>
 */
@ProviderType
public interface EventSubscription extends AutoCloseable {

    /**
     * The next event, waiting up to {@code timeout} for one; empty when none came in time, or when the subscription
     * has ended and every event queued before the end has been handed out. Blocks only the calling thread.
     */
    Optional<EngineEvent> next(Duration timeout) throws InterruptedException;

    /**
     * False once {@link #close()} was called or the journal dropped this subscriber for falling behind; events
     * queued before that are still handed out by {@link #next}.
     */
    boolean isOpen();

    /**
     * Has {@code listener} called each time an event is queued for this subscriber and once when the subscription
     * ends, so that a reader can wait without a thread or a poll: it drains {@link #next} with a zero timeout when
     * called. It runs on the publishing thread and must only hand the work on. Replayed events are there at once.
     * A second call replaces the listener.
     *
     * @since 1.2
     */
    void onReady(Runnable listener);

    /** Why the subscription ended, e.g. that it fell too far behind; empty while open or when closed by its reader. */
    Optional<String> endReason();

    /** Stops delivery; never blocks and may be called more than once. */
    @Override
    void close();
}
