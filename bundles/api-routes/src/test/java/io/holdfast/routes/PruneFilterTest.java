package io.holdfast.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.container.EngineException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PruneFilterTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void untilKeepsContainersCreatedAfterIt() {
        PruneFilter f = PruneFilter.parse("{\"until\":[\"10m\"]}", NOW);
        assertTrue(f.accepts(NOW.minusSeconds(601), Map.of()));
        assertFalse(f.accepts(NOW.minusSeconds(599), Map.of()));
        PruneFilter cliShape = PruneFilter.parse("{\"until\":{\"2026-11-30T11:00:00Z\":true}}", NOW);
        assertFalse(cliShape.accepts(NOW.minusSeconds(60), Map.of()));
    }

    @Test
    void labelsMustAllMatchAndLabelBangKeepsWhatMatches() {
        PruneFilter f = PruneFilter.parse("{\"label\":[\"tier\",\"env=test\"]}", NOW);
        assertTrue(f.accepts(NOW, Map.of("tier", "web", "env", "test")));
        assertFalse(f.accepts(NOW, Map.of("tier", "web", "env", "prod")));
        assertFalse(f.accepts(NOW, Map.of()));
        PruneFilter not = PruneFilter.parse("{\"label!\":[\"keep\"]}", NOW);
        assertFalse(not.accepts(NOW, Map.of("keep", "")));
        assertTrue(not.accepts(NOW, Map.of()));
        assertTrue(PruneFilter.parse(null, NOW).accepts(NOW, Map.of()));
    }

    @Test
    void unknownFiltersAndBadTimesAreRefusedByName() {
        EngineException unknown = assertThrows(EngineException.class,
                () -> PruneFilter.parse("{\"status\":[\"exited\"]}", NOW));
        assertEquals(EngineException.Kind.INVALID, unknown.kind());
        assertTrue(unknown.getMessage().contains("'status'"), unknown.getMessage());
        EngineException time = assertThrows(EngineException.class,
                () -> PruneFilter.parse("{\"until\":[\"yesterday\"]}", NOW));
        assertTrue(time.getMessage().contains("until"), time.getMessage());
    }
}
