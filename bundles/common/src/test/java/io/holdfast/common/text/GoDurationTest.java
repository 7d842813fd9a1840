package io.holdfast.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {
    @Test
    void parsesGoDurations() {
        assertEquals(Duration.ofSeconds(90), GoDuration.parse("--health-interval", "1m30s"));
        assertEquals(Duration.ofMillis(500), GoDuration.parse("x", "500ms"));
        assertEquals(Duration.ZERO, GoDuration.parse("x", "0"));
        assertNull(GoDuration.parseOrNull("30"));
    }

    @Test
    void aValueWithoutAUnitIsRefusedNamingTheFlag() {
        var e = assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("--health-timeout", "30"));
        assertTrue(e.getMessage().startsWith("--health-timeout \"30\""), e.getMessage());
    }

    @Test
    void formatsAsGoPrintsThem() {
        assertEquals("30s", GoDuration.format(Duration.ofSeconds(30)));
        assertEquals("1.5s", GoDuration.format(Duration.ofMillis(1500)));
        assertEquals("500ms", GoDuration.format(Duration.ofMillis(500)));
        assertEquals("1m30s", GoDuration.format(Duration.ofSeconds(90)));
        assertEquals("1h0m0s", GoDuration.format(Duration.ofHours(1)));
    }
}
