package io.holdfast.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HumanDurationTest {

    private static String words(Duration duration) {
        return HumanDuration.of(duration);
    }

    @Test
    void secondsAndMinutes() {
        assertEquals("Less than a second", words(Duration.ofMillis(999)));
        assertEquals("Less than a second", words(Duration.ofSeconds(-5))); // clock skew is not negative time
        assertEquals("1 second", words(Duration.ofSeconds(1)));
        assertEquals("59 seconds", words(Duration.ofSeconds(59)));
        assertEquals("About a minute", words(Duration.ofSeconds(60)));
        assertEquals("About a minute", words(Duration.ofSeconds(119)));
        assertEquals("2 minutes", words(Duration.ofSeconds(120)));
        assertEquals("59 minutes", words(Duration.ofMinutes(59).plusSeconds(59)));
    }

    @Test
    void hoursRoundToTheNearest() {
        assertEquals("About an hour", words(Duration.ofMinutes(60)));
        assertEquals("About an hour", words(Duration.ofMinutes(89)));
        assertEquals("2 hours", words(Duration.ofMinutes(90)));
        assertEquals("47 hours", words(Duration.ofHours(47)));
    }

    @Test
    void daysWeeksMonthsYears() {
        assertEquals("2 days", words(Duration.ofHours(48)));
        assertEquals("13 days", words(Duration.ofDays(13)));
        assertEquals("2 weeks", words(Duration.ofDays(14)));
        assertEquals("8 weeks", words(Duration.ofDays(59)));
        assertEquals("2 months", words(Duration.ofDays(60)));
        assertEquals("24 months", words(Duration.ofDays(729)));
        assertEquals("2 years", words(Duration.ofDays(730)));
    }

    @Test
    void agoMeasuresFromNow() {
        Instant now = Instant.parse("2025-01-01T12:00:00Z");
        assertEquals("5 seconds ago", HumanDuration.ago(now.minusSeconds(5), now));
        assertEquals("2 minutes ago", HumanDuration.ago(now.minusSeconds(150), now));
        assertEquals("3 days ago", HumanDuration.ago(now.minus(Duration.ofDays(3)), now));
    }
}
