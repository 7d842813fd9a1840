package io.holdfast.logging;

import io.holdfast.spi.events.EngineEvent;
import io.holdfast.spi.events.EventSubscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A subscriber's replay list and its bounded queue of live events. The journal's dispatcher is the only producer and
 * calls {@link #offer} from its one thread; a full queue makes it drop the subscriber instead of waiting.
 */
final class QueuedSubscription implements EventSubscription {
    /** Put in the queue when the subscription ends, so a reader waiting in {@link #next} wakes at once. */
    private static final EngineEvent END = new EngineEvent("", "", "", Map.of(), Instant.EPOCH);

    private final Queue<EngineEvent> replay;
    private final BlockingQueue<EngineEvent> live;
    private final long firstLive;
    private final int capacity;
    private final Consumer<QueuedSubscription> onClose;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private volatile String endReason;
    private volatile Runnable onReady = () -> { };

    /**
     * {@code replay} holds the events up to the one numbered {@code firstLive - 1}; live ones start at
     * {@code firstLive}, in the journal's order of publication.
     */
    QueuedSubscription(List<EngineEvent> replay, long firstLive, int capacity,
            Consumer<QueuedSubscription> onClose) {
        this.replay = new ConcurrentLinkedQueue<>(replay);
        this.firstLive = firstLive;
        this.live = new ArrayBlockingQueue<>(capacity + 1); // one slot kept free for END
        this.capacity = capacity;
        this.onClose = onClose;
    }

    /** The number of the first event published after this subscription was made. */
    long firstLive() {
        return firstLive;
    }

    /** Queues a live event; false when the queue is full. Only the journal calls it, one thread at a time. */
    boolean offer(EngineEvent event) {
        if (!open.get()) {
            return true; // closed by its reader: takes nothing more, and is not dropped for it
        }
        if (live.size() < capacity && live.offer(event)) {
            onReady.run();
            return true;
        }
        return false;
    }

    /** Ends the subscription on the journal's behalf; the reader still gets what was queued. */
    void end(String reason) {
        if (open.compareAndSet(true, false)) {
            endReason = reason;
            live.offer(END);
            onReady.run();
        }
    }

    @Override
    public void onReady(Runnable listener) {
        onReady = listener;
    }

    @Override
    public Optional<EngineEvent> next(Duration timeout) throws InterruptedException {
        EngineEvent replayed = replay.poll();
        if (replayed != null) {
            return Optional.of(replayed);
        }
        if (!open.get() && live.isEmpty()) {
            return Optional.empty();
        }
        EngineEvent event = live.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return event == null || event == END ? Optional.empty() : Optional.of(event);
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public Optional<String> endReason() {
        return Optional.ofNullable(endReason);
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            live.offer(END);
            onClose.accept(this);
            onReady.run();
        }
    }
}
