package io.holdfast.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.holdfast.spi.container.EngineException;
import io.holdfast.spi.logs.LogEntry;
import io.holdfast.spi.logs.LogSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogWindowTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void passesTheLinesWrittenInsideTheWindowBoundsIncluded() {
        List<String> seen = new ArrayList<>();
        LogSink window = new LogWindow(entry -> seen.add(entry.line()), NOW.minusSeconds(60), NOW);
        for (int age : new int[] {120, 60, 30, 0, -1}) {
            window.accept(new LogEntry(NOW.minusSeconds(age), "stdout", "age " + age));
        }
        assertEquals(List.of("age 60", "age 30", "age 0"), seen);
    }

    @Test
    void boundsAreDockersTimeArguments() {
        assertNull(LogWindow.bound("since", null, NOW));
        assertNull(LogWindow.bound("since", "0", NOW), "the docker CLI sends 0 for no bound");
        assertEquals(NOW.minusSeconds(600), LogWindow.bound("since", "10m", NOW));
        assertEquals(Instant.ofEpochSecond(1764064800, 500_000_000), LogWindow.bound("until", "1764064800.5", NOW));
        EngineException bad = assertThrows(EngineException.class, () -> LogWindow.bound("until", "soon", NOW));
        assertTrue(bad.getMessage().startsWith("until: "), bad.getMessage());
    }
}
