package io.holdfast.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.spi.events.EngineEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event as one line of {@code events.log}:
 * {@code {"type":"container","action":"die","actor":"<id>","attributes":{"exitCode":"3"},"timeNano":1764064800123456789}}.
 */
final class EventLine {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long NANOS = 1_000_000_000L;

    private EventLine() {
    }

    /** The line with its terminating newline. */
    static byte[] encode(EngineEvent event) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", event.type());
        node.put("action", event.action());
        node.put("actor", event.actorId());
        ObjectNode attributes = node.putObject("attributes");
        event.attributes().forEach(attributes::put);
        node.put("timeNano", event.time().getEpochSecond() * NANOS + event.time().getNano());
        byte[] json = JSON.writeValueAsBytes(node);
        byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
    }

    /** Throws {@link IOException} naming what is missing when the line is not an event (e.g. cut by a crash). */
    static EngineEvent decode(String line) throws IOException {
        JsonNode node = JSON.readTree(line);
        if (node == null || !node.isObject() || !node.hasNonNull("type") || !node.hasNonNull("action")
                || !node.hasNonNull("actor") || !node.path("timeNano").canConvertToLong()) {
            throw new IOException("expected an object with type, action, actor and timeNano, found: " + line);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        node.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
        long timeNano = node.path("timeNano").asLong();
        return new EngineEvent(node.get("type").asText(), node.get("action").asText(), node.get("actor").asText(),
                attributes, Instant.ofEpochSecond(Math.floorDiv(timeNano, NANOS), Math.floorMod(timeNano, NANOS)));
    }
}
