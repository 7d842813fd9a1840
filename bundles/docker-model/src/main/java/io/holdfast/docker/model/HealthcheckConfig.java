package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Docker's {@code Config.Healthcheck} (moby's {@code container.HealthConfig}): durations in nanoseconds, zero ones
 * left out as moby's {@code omitempty} does.
 */
public record HealthcheckConfig(
        @JsonProperty("Test") @JsonInclude(JsonInclude.Include.NON_DEFAULT) List<String> test,
        @JsonProperty("Interval") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long interval,
        @JsonProperty("Timeout") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long timeout,
        @JsonProperty("StartPeriod") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long startPeriod,
        @JsonProperty("StartInterval") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long startInterval,
        @JsonProperty("Retries") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int retries) {
}
