package io.holdfast.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.holdfast.routes.views.EventView;
import io.holdfast.spi.events.EngineEvent;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The {@code /events} line of an event, made once and shared by every stream that sends it: with thousands of
 * subscribers, turning each event into JSON for each of them was most of the cost of an event. Looked up by identity:
 * the journal hands every stream the same instance, and an event's own hash code walks its attributes.
 */
final class EventLines {
    /** Recent events only: a live event is sent to every stream within moments; a replay is rarely shared. */
    private static final int KEPT = 256;

    private final Map<EngineEvent, byte[]> recent = new IdentityHashMap<>();
    private final ArrayDeque<EngineEvent> oldestFirst = new ArrayDeque<>();

    /** The event as one JSON object and a newline. The array is shared: callers must not change it. */
    byte[] of(EngineEvent event) throws JsonProcessingException {
        synchronized (recent) {
            byte[] line = recent.get(event);
            if (line != null) {
                return line;
            }
        }
        byte[] json = ApiExchange.JSON.writeValueAsBytes(EventView.of(event));
        byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        synchronized (recent) {
            if (recent.put(event, line) == null) {
                oldestFirst.addLast(event);
                if (oldestFirst.size() > KEPT) {
                    recent.remove(oldestFirst.removeFirst());
                }
            }
        }
        return line;
    }
}
