package io.holdfast.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.events.EngineEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFilterTest {
    private static final String ID = "abcdef0123456789".repeat(4);
    private static final EngineEvent START = new EngineEvent(EngineEvent.CONTAINER, "start", ID,
            Map.of("name", "web", "image", "busybox"), Instant.EPOCH);
    private static final EngineEvent RELOAD = new EngineEvent(EngineEvent.DAEMON, "reload", "engine-1", Map.of(),
            Instant.EPOCH);

    @Test
    void noFiltersMatchEverything() {
        assertTrue(EventFilter.parse(null).matches(START));
        assertTrue(EventFilter.parse("").matches(RELOAD));
        assertTrue(EventFilter.parse("{}").matches(RELOAD));
    }

    @Test
    void listShapeAndTheDockerCliMapShapeMeanTheSame() {
        EventFilter list = EventFilter.parse("{\"type\":[\"container\"],\"event\":[\"die\",\"start\"]}");
        EventFilter map = EventFilter.parse("{\"type\":{\"container\":true},\"event\":{\"die\":true,\"start\":true}}");
        assertEquals(list, map);
        assertTrue(list.matches(START));
        assertFalse(list.matches(RELOAD));
    }

    @Test
    void containerMatchesIdPrefixOrName() {
        assertTrue(EventFilter.parse("{\"container\":[\"abcdef01\"]}").matches(START));
        assertTrue(EventFilter.parse("{\"container\":[\"web\"]}").matches(START));
        assertFalse(EventFilter.parse("{\"container\":[\"db\"]}").matches(START));
        assertFalse(EventFilter.parse("{\"container\":[\"web\"]}").matches(RELOAD));
    }

    @Test
    void networkMatchesTheNetworksIdPrefixOrName() {
        EngineEvent connect = new EngineEvent(EngineEvent.NETWORK, "connect", "9f8e7d6c5b4a", Map.of("name", "backend",
                "type", "bridge", "container", "abcdef0123"), Instant.EPOCH);
        assertTrue(EventFilter.parse("{\"network\":[\"backend\"]}").matches(connect));
        assertTrue(EventFilter.parse("{\"network\":[\"9f8e\"]}").matches(connect));
        assertFalse(EventFilter.parse("{\"network\":[\"frontend\"]}").matches(connect));
        assertFalse(EventFilter.parse("{\"network\":[\"backend\"]}").matches(START), "a container's event");
    }

    @Test
    void imageMatchesWithOrWithoutTheLatestTag() {
        assertTrue(EventFilter.parse("{\"image\":[\"busybox\"]}").matches(START));
        assertFalse(EventFilter.parse("{\"image\":[\"alpine\"]}").matches(START));
    }

    @Test
    void differentKeysMustAllMatch() {
        assertFalse(EventFilter.parse("{\"container\":[\"web\"],\"event\":[\"die\"]}").matches(START));
    }

    @Test
    void unknownKeysAndBadJsonAreExplained() {
        EngineException unknown = assertThrows(EngineException.class,
                () -> EventFilter.parse("{\"volume\":[\"x\"]}"));
        assertEquals("invalid filter 'volume'; supported: container, event, image, network, type",
                unknown.getMessage());
        EngineException bad = assertThrows(EngineException.class, () -> EventFilter.parse("{type"));
        assertTrue(bad.getMessage().startsWith("filters: invalid JSON"), bad.getMessage());
    }
}
