package io.holdfast.common.text;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's duration text, as Docker's flags and messages use it: {@code 1m30s}, {@code 500ms}, {@code 1.5h}.
 *
 * <pre>{@code GoDuration.parse("1m30s")  // PT1M30S;  GoDuration.format(Duration.ofMillis(1500))  // "1.5s"}</pre>
 */
public final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

    private GoDuration() {
    }

    /** The duration, or {@code null} when {@code text} is not one (a bare number has no unit and is not). */
    public static Duration parseOrNull(String text) {
        String body = text;
        Matcher m = PART.matcher(body);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            BigDecimal amount = new BigDecimal(m.group(1));
            long nanosPerUnit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            total = total.plusNanos(amount.multiply(BigDecimal.valueOf(nanosPerUnit)).longValueExact());
            end = m.end();
        }
        return end == body.length() && end > 0 ? total : null;
    }

    /** Throws {@link IllegalArgumentException} naming {@code what} and the value when it is not a duration. */
    public static Duration parse(String what, String text) {
        Duration parsed = text.equals("0") ? Duration.ZERO : parseOrNull(text); // Go accepts a bare 0
        if (parsed == null) {
            throw new IllegalArgumentException(what + " \"" + text + "\": expected a duration such as 30s, 1m30s "
                    + "or 500ms");
        }
        return parsed;
    }

    /** Go's {@code Duration.String()} for the durations a health check uses: {@code 1h2m3s}, {@code 1.5s}, {@code 500ms}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            long nanos = d.toNanos();
            if (nanos % 1_000_000 == 0) {
                return nanos / 1_000_000 + "ms";
            }
            return nanos % 1_000 == 0 ? nanos / 1_000 + "µs" : nanos + "ns";
        }
        StringBuilder text = new StringBuilder();
        long hours = d.toHours();
        long minutes = d.toMinutesPart();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            text.append(minutes).append('m');
        }
        BigDecimal seconds = BigDecimal.valueOf(d.toSecondsPart()).add(BigDecimal.valueOf(d.toNanosPart(), 9))
                .stripTrailingZeros();
        text.append(seconds.scale() < 0 ? seconds.setScale(0).toPlainString() : seconds.toPlainString()).append('s');
        return text.toString();
    }
}
