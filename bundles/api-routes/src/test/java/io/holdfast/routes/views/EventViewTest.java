package io.holdfast.routes.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.spi.events.EngineEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventViewTest {
    @Test
    void containerEventHasDockersFieldsAndTheLegacyOnes() throws Exception {
        EngineEvent die = new EngineEvent(EngineEvent.CONTAINER, "die", "c1", Map.of("name", "web", "image",
                "busybox", "exitCode", "3"), Instant.ofEpochSecond(1764064800, 123456789));
        assertEquals("{\"status\":\"die\",\"id\":\"c1\",\"from\":\"busybox\",\"Type\":\"container\",\"Action\":\"die\","
                + "\"Actor\":{\"ID\":\"c1\",\"Attributes\":{\"exitCode\":\"3\",\"image\":\"busybox\",\"name\":\"web\"}},"
                + "\"scope\":\"local\",\"time\":1764064800,\"timeNano\":1764064800123456789}",
                new ObjectMapper().writeValueAsString(EventView.of(die)));
    }

    @Test
    void daemonEventHasNoLegacyFields() {
        EngineEvent reload = new EngineEvent(EngineEvent.DAEMON, "reload", "e1", Map.of(), Instant.EPOCH);
        assertEquals(java.util.List.of("Type", "Action", "Actor", "scope", "time", "timeNano"),
                java.util.List.copyOf(EventView.of(reload).keySet()));
    }
}
