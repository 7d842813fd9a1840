package io.holdfast.routes.create;

import io.holdfast.spi.container.HealthConfig;
import java.time.Duration;

/**
 * The create body's {@code Healthcheck} ({@code Test}, and durations in nanoseconds as Docker's API sends them);
 * {@code null} when the body has none, so the image's applies.
 */
final class HealthcheckRequest {
    private HealthcheckRequest() {
    }

    static HealthConfig of(JsonFields config) {
        if (config.node("Healthcheck") == null) {
            return null;
        }
        JsonFields check = config.object("Healthcheck");
        for (String field : check.fieldNames()) {
            if (!java.util.Set.of("Test", "Interval", "Timeout", "StartPeriod", "StartInterval", "Retries")
                    .contains(field)) {
                throw JsonFields.refused(check.path(field), "unknown Healthcheck field");
            }
        }
        return new HealthConfig(check.strings("Test"), nanos(check, "Interval"), nanos(check, "Timeout"),
                nanos(check, "StartPeriod"), nanos(check, "StartInterval"), (int) check.number("Retries", 0));
    }

    private static Duration nanos(JsonFields check, String field) {
        return Duration.ofNanos(check.number(field, 0));
    }
}
