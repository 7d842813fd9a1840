package io.holdfast.routes;

import io.holdfast.common.text.DockerTime;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.events.EngineEvent;
import io.holdfast.spi.events.EngineEvents;
import io.holdfast.spi.events.EventSubscription;
import io.holdfast.routes.views.EventView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * {@code GET /events}: the retained events since {@code since}, then live ones until {@code until} or, without it,
 * until the client goes away; one JSON object per line. No thread waits with a stream: the shared timer
 * ({@link ApiTimer}) drains each subscription every {@value #POLL_MILLIS} ms and writes what came with a callback,
 * and the resident sockets notice a client that hangs up on a quiet stream, which ends its subscription.
 */
final class EventRoutes {
    private static final Logger LOG = Logger.getLogger(EventRoutes.class.getName());
    /** How often a caught-up stream looks for new events, at the clock ({@code until}) and whether it was dropped. */
    static final long POLL_MILLIS = 100;
    /** Events written in one go at most: a long replay goes out in parts, each after the last was sent. */
    private static final int BATCH = 256;

    private final Supplier<EngineEvents> journal;
    private final ScheduledExecutorService timer;
    private final StreamThreads streams;

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
        timer.execute(new Pump(subscription, filter, until, out));
    }

    /** One stream's turn on the timer: writes what is waiting, then comes back when that was sent or later. */
    private final class Pump implements Runnable {
        private final EventSubscription subscription;
        private final EventFilter filter;
        private final Instant until;
        private final OpenResponse out;

        Pump(EventSubscription subscription, EventFilter filter, Instant until, OpenResponse out) {
            this.subscription = subscription;
            this.filter = filter;
            this.until = until;
            this.out = out;
        }

        @Override
        public void run() {
            if (out.ended()) {
                return;
            }
            try {
                ByteArrayOutputStream batch = new ByteArrayOutputStream();
                for (int taken = 0; taken < BATCH; taken++) {
                    Optional<EngineEvent> next = subscription.next(Duration.ZERO);
                    if (next.isEmpty()) {
                        break;
                    }
                    EngineEvent event = next.get();
                    if (until != null && event.time().isAfter(until)) {
                        out.finish(batch.toByteArray());
                        return;
                    }
                    if (filter.matches(event)) {
                        batch.write(ApiExchange.JSON.writeValueAsBytes(EventView.of(event)));
                        batch.write('\n');
                    }
                }
                if (batch.size() > 0) {
                    out.write(batch.toByteArray(), () -> timer.execute(this)); // more may be waiting
                } else if (until != null && !Instant.now().isBefore(until)) {
                    out.finish(new byte[0]);
                } else if (!subscription.isOpen()) {
                    subscription.endReason().ifPresent(reason -> LOG.info("event stream ended: " + reason));
                    out.finish(new byte[0]);
                } else {
                    timer.schedule(this, POLL_MILLIS, TimeUnit.MILLISECONDS);
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
