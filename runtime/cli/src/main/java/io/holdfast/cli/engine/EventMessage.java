package io.holdfast.cli.engine;

import io.holdfast.common.text.EventText;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event from GET /events, with the JSON line it came in.
 *
 * @param json the line as the engine sent it, for {@code --format json}
 */
public record EventMessage(String type, String action, String actorId, Map<String, String> attributes, Instant time,
                           String json) {

    static EventMessage fromJson(Map<String, Object> event, String json) {
        Map<String, Object> actor = Json.objectField(event, "Actor");
        Map<String, String> attributes = new LinkedHashMap<>();
        Json.objectField(actor, "Attributes").forEach((key, value) -> attributes.put(key, String.valueOf(value)));
        long timeNano = Json.number(event, "timeNano");
        Instant time = timeNano != 0 ? Instant.ofEpochSecond(0, timeNano)
                : Instant.ofEpochSecond(Json.number(event, "time"));
        return new EventMessage(Json.string(event, "Type"), Json.string(event, "Action"), Json.string(actor, "ID"),
                attributes, time, json);
    }

    /** The line {@code docker events} prints by default. */
    public String text() {
        return EventText.line(time, type, action, actorId, attributes);
    }
}
