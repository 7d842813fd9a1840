package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A container's {@code State} in inspect (moby's {@code types.ContainerState}); times are RFC 3339. */
public record ContainerState(
        @JsonProperty("Status") String status,
        @JsonProperty("Running") boolean running,
        @JsonProperty("Paused") boolean paused,
        @JsonProperty("Restarting") boolean restarting,
        @JsonProperty("OOMKilled") boolean oomKilled,
        @JsonProperty("Dead") boolean dead,
        @JsonProperty("Pid") long pid,
        @JsonProperty("ExitCode") int exitCode,
        @JsonProperty("Error") String error,
        @JsonProperty("StartedAt") String startedAt,
        @JsonProperty("FinishedAt") String finishedAt,
        @JsonProperty("Health") @JsonInclude(JsonInclude.Include.NON_NULL) ContainerHealth health) {

    /** A container without a health check: no {@code Health}, as Docker shows it. */
    public ContainerState(String status, boolean running, boolean paused, boolean restarting, boolean oomKilled,
                          boolean dead, long pid, int exitCode, String error, String startedAt, String finishedAt) {
        this(status, running, paused, restarting, oomKilled, dead, pid, exitCode, error, startedAt, finishedAt, null);
    }
}
