package io.holdfast.spi.events;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The engine's event journal, registered by the logging bundle: the supervisor publishes what happens to containers,
 * the API and the shell read it back. The journal retains the latest events (1024, as Docker) in memory and on disk,
 * so {@code since} reaches back across engine restarts and supervisor swaps.
 *
 * <pre>{@code
 * events.publish(new EngineEvent(EngineEvent.CONTAINER, "start", id, Map.of("name", name), Instant.now()));
 * try (EventSubscription s = events.subscribe(Instant.now().minusSeconds(60))) { ... }
 * }</pre>
 *
 * <p>Every method is thread-safe and none blocks on a subscriber or on the disk.
 */
@ProviderType
public interface EngineEvents {

    /**
     * Records {@code event} and hands it to every subscriber. Never blocks: the disk write happens later on the
     * journal's own thread, and a subscriber whose queue is full is dropped (its subscription ends) rather than
     * waited for. Called by whichever thread made the event happen.
     */
    void publish(EngineEvent event);

    /**
     * Starts a subscription that first replays the retained events at or after {@code since}, then delivers each
     * event published later until it is closed. A subscriber that lets its queue of live events fill up (a few hundred
     * unread) is dropped: its {@link EventSubscription#isOpen()} turns false and {@code endReason} says why.
     *
     * @param since the earliest retained event to replay, or {@code null} for live events only
     */
    EventSubscription subscribe(Instant since);

    /** The retained events at or after {@code since} ({@code null}: all), oldest first. */
    List<EngineEvent> retained(Instant since);
}
