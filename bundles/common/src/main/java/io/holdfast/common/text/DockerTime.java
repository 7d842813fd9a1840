package io.holdfast.common.text;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The time arguments Docker accepts for {@code since} and {@code until}: Unix seconds with an optional fraction
 * ({@code 1764064800.5}), RFC 3339 ({@code 2026-11-25T10:00:00Z}, a date, or a local date-time), or a Go duration
 * counted back from now ({@code 10m}, {@code 1h30m}). Shared by the API and the CLI, which sends Unix seconds.
 */
public final class DockerTime {
    private static final Pattern UNIX = Pattern.compile("-?\\d+(\\.\\d{1,9})?");

    private DockerTime() {
    }

    /** Throws {@link IllegalArgumentException} naming the value and the accepted forms, or the range it left. */
    public static Instant parse(String value, Instant now) {
        try {
            return parseInRange(value, now);
        } catch (ArithmeticException | java.time.DateTimeException outOfRange) {
            // a number too big for a long, an instant past year 1000000000, a duration longer than 292 years
            throw new IllegalArgumentException("\"" + value + "\" is out of range: a time must lie between "
                    + Instant.MIN + " and " + Instant.MAX);
        }
    }

    private static Instant parseInRange(String value, Instant now) {
        String text = value.strip();
        if (UNIX.matcher(text).matches()) {
            BigDecimal seconds = new BigDecimal(text);
            long whole = seconds.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
            int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
            return Instant.ofEpochSecond(whole, nanos);
        }
        Duration ago = goDuration(text);
        if (ago != null) {
            return now.minus(ago);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // try the local forms
        }
        try {
            return text.contains("T") ? LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant()
                    : LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + value + "\" is not a time: expected Unix seconds"
                    + " (1764064800.5), RFC 3339 (2026-11-25T10:00:00Z) or a duration back from now (10m, 1h30m)");
        }
    }

    /** Unix seconds with nine decimals, as the API takes them: {@code 1764064800.000000001}. */
    public static String unixSeconds(Instant time) {
        return time.getEpochSecond() + "." + String.format("%09d", time.getNano());
    }

    private static Duration goDuration(String text) {
        return GoDuration.parseOrNull(text);
    }
}
