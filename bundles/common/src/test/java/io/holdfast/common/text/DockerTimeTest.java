package io.holdfast.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerTimeTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void unixSecondsWithOrWithoutAFraction() {
        assertEquals(Instant.ofEpochSecond(1764064800), DockerTime.parse("1764064800", NOW));
        assertEquals(Instant.ofEpochSecond(1764064800, 500_000_000), DockerTime.parse("1764064800.5", NOW));
        assertEquals(Instant.ofEpochSecond(1764064800, 1), DockerTime.parse("1764064800.000000001", NOW));
    }

    @Test
    void rfc3339WithOffsetAndNanos() {
        assertEquals(Instant.parse("2026-11-25T09:00:00.123456789Z"),
                DockerTime.parse("2026-11-25T10:00:00.123456789+01:00", NOW));
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), DockerTime.parse("2026-11-25T10:00:00Z", NOW));
    }

    @Test
    void goDurationsCountBackFromNow() {
        assertEquals(NOW.minusSeconds(600), DockerTime.parse("10m", NOW));
        assertEquals(NOW.minusSeconds(5400), DockerTime.parse("1h30m", NOW));
        assertEquals(NOW.minusMillis(1500), DockerTime.parse("1.5s", NOW));
    }

    /** Issue 14: {@code GET /events?since=<huge>} answered 500, from an exception no caller expected. */
    @Test
    void hugeNumbersAreRefusedAsOutOfRange() {
        for (String huge : new String[]{"99999999999999999999999", "9223372036854775807", "-9223372036854775808",
                "99999999999999999999h", "2562048h", "1e999"}) {
            if (huge.equals("1e999")) {
                assertThrows(IllegalArgumentException.class, () -> DockerTime.parse(huge, NOW));
                continue;
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DockerTime.parse(huge, NOW), huge);
            assertTrue(e.getMessage().startsWith("\"" + huge + "\" is out of range"), e.getMessage());
        }
    }

    @Test
    void anythingElseIsExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DockerTime.parse("yesterday", NOW));
        assertTrue(e.getMessage().startsWith("\"yesterday\" is not a time: expected Unix seconds"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DockerTime.parse("10x", NOW));
    }

    @Test
    void unixSecondsRoundTrip() {
        Instant t = Instant.ofEpochSecond(1764064800, 7);
        assertEquals("1764064800.000000007", DockerTime.unixSeconds(t));
        assertEquals(t, DockerTime.parse(DockerTime.unixSeconds(t), NOW));
    }

    @Test
    void eventLineAsDockerPrintsIt() {
        assertEquals("2026-11-25T10:00:00.000000042Z container die abc (exitCode=3, image=busybox, name=web)",
                EventText.line(NOW.plusNanos(42), "container", "die", "abc",
                        Map.of("name", "web", "image", "busybox", "exitCode", "3")));
        assertEquals("2026-11-25T10:00:00.000000000Z daemon reload e1",
                EventText.line(NOW, "daemon", "reload", "e1", Map.of()));
    }
}
