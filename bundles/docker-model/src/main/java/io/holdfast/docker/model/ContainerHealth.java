package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A container's {@code State.Health} in inspect (moby's {@code types.Health}); times are RFC 3339. */
public record ContainerHealth(
        @JsonProperty("Status") String status,
        @JsonProperty("FailingStreak") int failingStreak,
        @JsonProperty("Log") List<Result> log) {

    /** One probe (moby's {@code types.HealthcheckResult}). */
    public record Result(
            @JsonProperty("Start") String start,
            @JsonProperty("End") String end,
            @JsonProperty("ExitCode") int exitCode,
            @JsonProperty("Output") String output) {
    }
}
