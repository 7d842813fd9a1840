package io.holdfast.supervisor.containers;

import io.holdfast.spi.events.EngineEvent;
import io.holdfast.spi.events.EngineEvents;
import io.holdfast.spi.events.EventSubscription;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what was published, in order; subscriptions are not needed by the lifecycle. */
final class RecordingEvents implements EngineEvents {
    final List<EngineEvent> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(EngineEvent event) {
        published.add(event);
    }

    @Override
    public EventSubscription subscribe(Instant since) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<EngineEvent> retained(Instant since) {
        return List.copyOf(published);
    }

    List<String> actions() {
        return published.stream().map(EngineEvent::action).toList();
    }
}
