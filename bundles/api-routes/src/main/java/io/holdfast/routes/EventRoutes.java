package io.holdfast.routes;

import io.holdfast.common.text.DockerTime;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.events.EngineEvent;
import io.holdfast.spi.events.EngineEvents;
import io.holdfast.spi.events.EventSubscription;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * {@code GET /events}: the retained events since {@code since}, then live ones until {@code until} or, without it,
 * until the client goes away; one JSON object per line. No thread waits with a stream and none polls: the journal
 * wakes a stream's {@link Pump} when it queues an event for it, the pump drains its subscription on the shared timer
 * and writes what came with a callback, and the resident sockets notice a client that hangs up on a quiet stream,
 * which ends its subscription. Each event is turned into JSON once, however many streams send it.
 */
final class EventRoutes {
    private static final Logger LOG = Logger.getLogger(EventRoutes.class.getName());
    /** Events written in one go at most: a long replay goes out in parts, each after the last was sent. */
    private static final int BATCH = 256;

    private final Supplier<EngineEvents> journal;
    private final ScheduledExecutorService timer;
    private final StreamThreads streams;
    private final EventLines lines = new EventLines();
    /** The lines of the turn being taken; the timer's one thread takes every turn. */
    private final List<byte[]> taking = new ArrayList<>();
    private final JoinedLines joined = new JoinedLines();
    /**
     * Streams woken since the timer last took their turns. One task on the timer takes every turn due, so an event
     * sent to 3,333 streams costs a queue insert each, not a scheduled task each (whose queue is a heap under a lock).
     */
    private final ConcurrentLinkedQueue<Pump> due = new ConcurrentLinkedQueue<>();
    /** A task that takes the due turns is queued on the timer; streams woken meanwhile are taken by it. */
    private final AtomicBoolean takingDue = new AtomicBoolean();

    EventRoutes(Supplier<EngineEvents> journal, StreamThreads streams) {
        this.journal = journal;
        this.timer = streams.timer();
        this.streams = streams;
    }

    void register(Router router) {
        router.add("GET", "/events", this::events);
    }

    private void events(ApiExchange e) throws IOException {
        EngineEvents events = journal.get();
        if (events == null) {
            e.sendError(503, "events are not available: no event journal is running (the logging bundle is down)");
            return;
        }
        Instant now = Instant.now();
        Instant since = time(e, "since", now);
        Instant until = time(e, "until", now);
        if (since != null && until != null && since.isAfter(until)) {
            throw new EngineException(Kind.INVALID, "since (" + e.query("since") + ") is after until ("
                    + e.query("until") + ")");
        }
        EventFilter filter = EventFilter.parse(e.query("filters"));
        EventSubscription subscription = events.subscribe(since);
        OpenResponse out = streams.track(e.open(200, "application/json"));
        out.onEnd(subscription::close);
        Pump pump = new Pump(subscription, filter, until, out);
        subscription.onReady(pump::wake);
        if (until != null) {
            timer.schedule(pump::wake, Math.max(0, Duration.between(Instant.now(), until).toMillis()) + 1,
                    TimeUnit.MILLISECONDS);
        }
        pump.wake(); // the replay, and whatever came before the listener was set
    }

    private void due(Pump pump) {
        due.add(pump);
        if (takingDue.compareAndSet(false, true)) {
            timer.execute(this::takeDueTurns);
        }
    }

    private void takeDueTurns() {
        takingDue.set(false); // before taking: a stream woken from here on queues another task
        for (Pump pump = due.poll(); pump != null; pump = due.poll()) {
            pump.turn();
        }
    }

    /**
     * One stream's writer. It runs on the timer only when woken: by an event queued for it, by its subscription's end,
     * at {@code until}, or when its last write was sent. Its turns run on the timer's one thread.
     */
    private final class Pump {
        private final EventSubscription subscription;
        private final EventFilter filter;
        private final Instant until;
        private final OpenResponse out;
        /** A turn is queued on the timer; wakes meanwhile are folded into it. */
        private final AtomicBoolean queued = new AtomicBoolean();
        /** A write is on its way; its completion wakes the next turn (Jetty allows one pending write). */
        private volatile boolean writing;
        private final Runnable written = () -> {
            writing = false;
            wake(); // more may be waiting
        };

        Pump(EventSubscription subscription, EventFilter filter, Instant until, OpenResponse out) {
            this.subscription = subscription;
            this.filter = filter;
            this.until = until;
            this.out = out;
        }

        void wake() {
            if (queued.compareAndSet(false, true)) {
                due(this);
            }
        }

        private void turn() {
            queued.set(false); // before draining: an event queued from here on wakes another turn
            if (writing || out.ended()) {
                return;
            }
            try {
                taking.clear();
                for (int taken = 0; taken < BATCH; taken++) {
                    Optional<EngineEvent> next = subscription.next(Duration.ZERO);
                    if (next.isEmpty()) {
                        break;
                    }
                    EngineEvent event = next.get();
                    if (until != null && event.time().isAfter(until)) {
                        out.finish(taking.isEmpty() ? new byte[0] : joined.join(taking));
                        return;
                    }
                    if (filter.matches(event)) {
                        taking.add(lines.of(event));
                    }
                }
                if (!taking.isEmpty()) {
                    writing = true;
                    out.write(joined.join(taking), written);
                } else if (until != null && !Instant.now().isBefore(until)) {
                    out.finish(new byte[0]);
                } else if (!subscription.isOpen()) {
                    subscription.endReason().ifPresent(reason -> LOG.info("event stream ended: " + reason));
                    out.finish(new byte[0]);
                }
            } catch (InterruptedException | IOException | RuntimeException failure) {
                out.fail(failure);
            }
        }
    }

    private static Instant time(ApiExchange e, String name, Instant now) {
        String value = e.query(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return DockerTime.parse(value, now);
        } catch (IllegalArgumentException invalid) {
            throw new EngineException(Kind.INVALID, name + ": " + invalid.getMessage());
        }
    }
}
