package io.holdfast.docker.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of every non-2xx answer. */
public record ErrorResponse(@JsonProperty("message") String message) {
}
