package io.holdfast.routes;

import io.holdfast.common.text.DockerTime;
import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.container.EngineException.Kind;
import io.holdfast.spi.events.EngineEvent;
import io.holdfast.spi.events.EngineEvents;
import io.holdfast.spi.events.EventSubscription;
import io.holdfast.routes.views.EventView;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * {@code GET /events}: the retained events since {@code since}, then live ones until {@code until} or, without it,
 * until the client goes away; one JSON object per line, flushed whenever no further event is waiting. A client that
 * leaves a quiet stream is noticed when the next event is written, which ends the subscription and frees the thread.
 */
final class EventRoutes {
    private static final Logger LOG = Logger.getLogger(EventRoutes.class.getName());
    /** How often a quiet stream looks at the clock ({@code until}) and at whether the journal dropped it. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final Supplier<EngineEvents> journal;

    EventRoutes(Supplier<EngineEvents> journal) {
        this.journal = journal;
    }

    void register(Router router) {
        router.add("GET", "/events", this::events);
    }

    private void events(ApiExchange e) throws Exception {
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
        try (EventSubscription subscription = events.subscribe(since)) {
            OutputStream out = new BufferedOutputStream(e.stream(200, "application/json"), 16 * 1024);
            try {
                stream(subscription, filter, until, out);
                out.close(); // the last chunk: the client sees the stream end
            } catch (IOException clientGone) {
                LOG.fine(() -> "event stream ended by the client: " + clientGone.getMessage());
            }
        }
    }

    private static void stream(EventSubscription subscription, EventFilter filter, Instant until, OutputStream out)
            throws IOException, InterruptedException {
        while (true) {
            Optional<EngineEvent> next = subscription.next(Duration.ZERO);
            if (next.isEmpty()) {
                out.flush(); // caught up: let the client see everything so far
                if (until != null && !Instant.now().isBefore(until)) {
                    return;
                }
                if (!subscription.isOpen()) {
                    subscription.endReason().ifPresent(reason -> LOG.info("event stream ended: " + reason));
                    return;
                }
                next = subscription.next(until == null ? CHECK_EVERY : clamp(Duration.between(Instant.now(), until)));
            }
            if (next.isPresent()) {
                EngineEvent event = next.get();
                if (until != null && event.time().isAfter(until)) {
                    return;
                }
                if (filter.matches(event)) {
                    out.write(ApiExchange.JSON.writeValueAsBytes(EventView.of(event)));
                    out.write('\n');
                }
            }
        }
    }

    private static Duration clamp(Duration left) {
        return left.isNegative() ? Duration.ZERO : left.compareTo(CHECK_EVERY) > 0 ? CHECK_EVERY : left;
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
