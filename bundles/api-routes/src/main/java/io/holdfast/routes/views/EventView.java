package io.holdfast.routes.views;

import io.holdfast.spi.events.EngineEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** An event as Docker Engine API v1.41 streams it from {@code /events}, legacy container fields included. */
public final class EventView {
    private EventView() {
    }

    public static Map<String, Object> of(EngineEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (event.type().equals(EngineEvent.CONTAINER)) { // the pre-1.22 fields that old clients still read
            view.put("status", event.action());
            view.put("id", event.actorId());
            view.put("from", event.attributes().getOrDefault("image", ""));
        }
        view.put("Type", event.type());
        view.put("Action", event.action());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("ID", event.actorId());
        actor.put("Attributes", event.attributes());
        view.put("Actor", actor);
        view.put("scope", "local");
        view.put("time", event.time().getEpochSecond());
        view.put("timeNano", event.time().getEpochSecond() * 1_000_000_000L + event.time().getNano());
        return view;
    }
}
