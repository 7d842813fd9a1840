package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /containers/{id}/wait}'s body, written when the awaited condition is met. */
public record WaitResponse(@JsonProperty("StatusCode") long statusCode, @JsonProperty("Error") WaitError error) {

    /** Set when waiting failed, not when the container failed. */
    public record WaitError(@JsonProperty("Message") String message) {
    }
}
